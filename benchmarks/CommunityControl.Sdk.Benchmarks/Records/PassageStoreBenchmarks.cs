using System;
using BenchmarkDotNet.Attributes;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Records;

/// <summary>
/// The targets for the in-memory passage register: appends per second (target at least 1,000,000/s), and
/// tracing one case over 14 days in a register of 10,000,000 passages (target under 50 ms).
/// </summary>
/// <remarks>
/// <para><b>Append.</b> Before each iteration (<see cref="NewStore"/>, outside the measured region) a new empty store is
/// made with the default options, as a host makes it; the iteration then appends <see cref="AppendCount"/> prepared
/// passages one by one through the public <see cref="InMemoryPassageStore.AppendAsync"/>, so the store grows as it does at
/// the gates (interning people, gates and days as they come). <c>OperationsPerInvoke</c> is the batch, so the mean and
/// the allocated bytes are per passage. The passages are made once (<see cref="SetupAppend"/>): their cost is not an
/// append's.</para>
/// <para><b>Append at the gates.</b> The steady state of a register in use: before each iteration a new store is filled
/// (outside the measured region, default options) with the first <see cref="HeldCount"/> passages of a time-ordered register of the same
/// people and gates, as a register holds the days before today; the iteration appends the next <see cref="AppendCount"/>
/// in the order of their instants, as gates send them. The cold case above (an empty store, passages in random order,
/// mostly people it has never seen) is the slower bound of the same operation.</para>
/// <para>The register spreads its passages evenly over 28 days, 2,000 gates and 200,000 people (about 1.8 passages a
/// person a day, 180 a gate a day); the trace's window is 15 minutes. Each passage carries its person's id as a new string,
/// as a request read from a scan does (see <see cref="Register"/>). Memory per passage is measured by the
/// <c>--memory</c> mode (<see cref="PassageStoreMemory"/>).</para>
/// <para>Under <c>COMMUNITYCONTROL_BENCHMARK_SMOKE=1</c> (CI's smoke run) the register holds 100,000 passages.</para>
/// </remarks>
[MemoryDiagnoser]
public class PassageStoreBenchmarks
{
    /// <summary>Passages appended per run of <see cref="Append"/> (one iteration; the same in the smoke run, a fraction of a second).</summary>
    public const int AppendCount = 100_000;

    /// <summary>Passages a store holds before <see cref="AppendAtTheGates"/> appends (about 2.5 days of the register, so that with the batch it stays within the default capacity of 1,000,000; 100,000 in the smoke run).</summary>
    public static readonly int HeldCount = Smoke ? 100_000 : 900_000;

    /// <summary>Passages in the register <see cref="Trace"/> reads.</summary>
    public static readonly int RegisterCount = Smoke ? 100_000 : 10_000_000;

    private const int Gates = 2_000;
    private const int People = 200_000;
    private const int Days = 28;

    private PassageRecord[] _records = null!;
    private PassageRecord[] _ordered = null!;
    private InMemoryPassageStore _register = null!;
    private InMemoryPassageStore _store = null!;
    private CoPresenceQuery _trace = null!;

    private static bool Smoke => Environment.GetEnvironmentVariable("COMMUNITYCONTROL_BENCHMARK_SMOKE") == "1";

    /// <summary>Makes the passages every iteration of <see cref="Append"/> appends (to a new store each time).</summary>
    [GlobalSetup(Target = nameof(Append))]
    public void SetupAppend()
    {
        var register = new Register();
        _records = new PassageRecord[AppendCount];
        for (var i = 0; i < _records.Length; i++)
        {
            _records[i] = register.Passage(i);
        }
    }

    /// <summary>Makes the day-ordered passages: those a store holds before each iteration, then those it appends.</summary>
    [GlobalSetup(Target = nameof(AppendAtTheGates))]
    public void SetupAppendAtTheGates()
    {
        var register = new Register();
        _ordered = new PassageRecord[HeldCount + AppendCount];
        for (var i = 0; i < _ordered.Length; i++)
        {
            _ordered[i] = register.InOrder(i);
        }
    }

    [GlobalSetup(Target = nameof(Trace))]
    public void SetupTrace()
    {
        var register = new Register();
        _register = new InMemoryPassageStore(new RecordStoreOptions { Capacity = RegisterCount });
        for (var i = 0; i < RegisterCount; i++)
        {
            _register.AppendAsync(register.Passage(i)).AsTask().GetAwaiter().GetResult();
        }

        _trace = new CoPresenceQuery
        {
            Case = register.Person(1),
            InfectiousPeriod = new Interval(register.Start + Duration.FromDays(7), register.Start + Duration.FromDays(21)),
            Window = Duration.FromMinutes(15), // illustrative: the window is the tracing team's parameter
        };
    }

    /// <summary>
    /// Makes the empty store an iteration of <see cref="Append"/> fills, outside the measured region, with the default
    /// options (a capacity of 1,000,000, so its key table is sized once, at creation). BenchmarkDotNet then runs one
    /// invocation per iteration.
    /// </summary>
    [IterationSetup(Target = nameof(Append))]
    public void NewStore() => _store = new InMemoryPassageStore();

    /// <summary>
    /// Makes the store an iteration of <see cref="AppendAtTheGates"/> appends to, outside the measured region: the
    /// default options, holding the register's first <see cref="HeldCount"/> passages.
    /// </summary>
    [IterationSetup(Target = nameof(AppendAtTheGates))]
    public void HeldStore()
    {
        _store = new InMemoryPassageStore();
        AppendAll(_store, _ordered, 0, HeldCount);
        Settle.Heap();
    }

    /// <summary>Appends the batch of prepared passages to the store, one by one (one operation is one append).</summary>
    [Benchmark(Description = "Append to an empty register: random order, mostly new people (per passage)", OperationsPerInvoke = AppendCount)]
    public int Append()
    {
        AppendAll(_store, _records, 0, _records.Length);
        return _store.Count;
    }

    /// <summary>Appends the next hours of passages, in the order of their instants, to a store holding the days before.</summary>
    [Benchmark(Description = "Append at the gates: in time order to a register holding 900,000 (per passage)", OperationsPerInvoke = AppendCount)]
    public int AppendAtTheGates()
    {
        AppendAll(_store, _ordered, HeldCount, AppendCount);
        return _store.Count;
    }

    /// <summary>Traces one case over 14 days in the register.</summary>
    [Benchmark(Description = "Trace one case over 14 days in a register of 10,000,000 passages")]
    public int Trace() => CoPresenceTracing.TraceAsync(_register, _trace).AsTask().GetAwaiter().GetResult().Contacts.Count;

    private static void AppendAll(InMemoryPassageStore store, PassageRecord[] records, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            // The in-memory store completes synchronously: read the result without allocating a Task.
            var append = store.AppendAsync(records[i]);
            if (!append.IsCompletedSuccessfully)
            {
                append.AsTask().GetAwaiter().GetResult();
            }
        }
    }

    /// <summary>The generated register: passage i at gate and person drawn from a fixed seed, spread over 28 days.</summary>
    internal sealed class Register
    {
        private readonly ZoneId[] _gates = new ZoneId[Gates];
        private readonly PersonId[] _people = new PersonId[People];
        private readonly Random _random = new(2022);

        public Register()
        {
            for (var g = 0; g < _gates.Length; g++)
            {
                _gates[g] = ZoneId.From($"500101-{g / 100:D3}-{g % 100:D2}");
            }

            for (var p = 0; p < _people.Length; p++)
            {
                _people[p] = PersonId.From($"p-{p:x6}");
            }
        }

        public Instant Start { get; } = Instant.FromUtc(2022, 4, 1, 0, 0);

        public PersonId Person(int p) => _people[p];

        /// <summary>Passage i of the register in the order of instants: 10,000,000 passages evenly over the 28 days.</summary>
        public PassageRecord InOrder(int i)
            => PassageStoreMemory.Create(i, _gates[_random.Next(Gates)], Scanned(_random.Next(People)), Start + Duration.FromTicks(i * (Days * 24 * 3600 * 10_000_000L / 10_000_000)));

        public PassageRecord Passage(int i)
            => PassageStoreMemory.Create(i, _gates[_random.Next(Gates)], Scanned(_random.Next(People)), Start + Duration.FromSeconds(_random.Next(Days * 24 * 3600)));

        /// <summary>
        /// Person p's id as a gate's request carries it: a new string on every passage (read from the scan), equal to but
        /// not the same object as the one the store holds, so the store compares its characters as it would in use. (A gate
        /// knows its own zone id: the gates' ids are shared.)
        /// </summary>
        private static PersonId Scanned(int p) => PersonId.From($"p-{p:x6}");
    }
}
