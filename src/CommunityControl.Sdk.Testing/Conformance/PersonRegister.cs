using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using NodaTime;
using static CommunityControl.Testing.Conformance.ConformanceData;

namespace CommunityControl.Testing.Conformance;

/// <summary>
/// A store of records each under an idempotency key, each of one person at one instant, read back by person (and, for
/// some stores, everyone's) in an interval: the arrival, attendance and health-report stores. The checks these stores
/// share are written here once; each store's checks describe the store (how a record is made, appended and read) and add
/// what is its own (the round trip of its fields, its arguments).
/// </summary>
/// <typeparam name="T">The record.</typeparam>
/// <remarks>
/// Keys are <c>{keyPrefix}-{n}</c> and people <c>{personPrefix}-{n}</c>. <c>make</c> is given the number, the key, the
/// person and the instant, so a store may vary a field by the number (an attendance record's kind, say).
/// </remarks>
internal sealed class PersonRegister<T>
    where T : class
{
    // Every person the checks append for: the count through the person query covers them all.
    private const int People = 97;

    private readonly Func<int, string, string, Instant, T> _make;
    private readonly Func<T, CancellationToken, Task<bool>> _append;
    private readonly Func<T, (PersonId Person, Instant At, string Key)> _fields;
    private readonly Func<PersonId, Interval, IAsyncEnumerable<T>> _ofPerson;
    private readonly Func<Interval, IAsyncEnumerable<T>>? _everyone;
    private readonly Func<Instant, Task<long>> _purge;
    private readonly Func<string, Task<T?>>? _find;

    public PersonRegister(
        string noun,
        string keyPrefix,
        string personPrefix,
        Func<int, string, string, Instant, T> make,
        Func<T, CancellationToken, Task<bool>> append,
        Func<T, (PersonId Person, Instant At, string Key)> fields,
        Func<PersonId, Interval, IAsyncEnumerable<T>> ofPerson,
        Func<Interval, IAsyncEnumerable<T>>? everyone,
        Func<Instant, Task<long>> purge,
        Func<string, Task<T?>>? find)
    {
        Noun = noun;
        KeyPrefix = keyPrefix;
        PersonPrefix = personPrefix;
        _make = make;
        _append = append;
        _fields = fields;
        _ofPerson = ofPerson;
        _everyone = everyone;
        _purge = purge;
        _find = find;
    }

    /// <summary>Gets what one record is called in the messages ("arrival", "record").</summary>
    public string Noun { get; }

    public string KeyPrefix { get; }

    public string PersonPrefix { get; }

    private static Interval Always => new(null, null);

    private PersonId Person1 => PersonId.From(PersonPrefix + "-1");

    /// <summary>The record numbered <paramref name="n"/>, of person <paramref name="person"/> (a number) at an instant.</summary>
    public T Make(int n, int person, Instant at) => _make(n, Key(n), $"{PersonPrefix}-{person}", at);

    public string Key(int n) => $"{KeyPrefix}-{n}";

    public Task<bool> AppendAsync(T record, CancellationToken cancellationToken = default) => _append(record, cancellationToken);

    /// <summary>
    /// Five records: 3 at t + 12 h, then 2 and 1 at t (in that order), 0 a tick before t, all of person 1, and 4 of
    /// person 2 at t. The interval includes its start and excludes its end; ties come back in the order recorded.
    /// </summary>
    public async Task IntervalEdges()
    {
        var t = Start;
        await AppendAsync(Make(3, 1, t + Duration.FromHours(12))).ConfigureAwait(false);
        await AppendAsync(Make(2, 1, t)).ConfigureAwait(false);
        await AppendAsync(Make(1, 1, t)).ConfigureAwait(false);
        await AppendAsync(Make(0, 1, t - Duration.FromTicks(1))).ConfigureAwait(false);
        await AppendAsync(Make(4, 2, t)).ConfigureAwait(false);
        var halfDay = new Interval(t, t + Duration.FromHours(12));

        (await Keys(_ofPerson(Person1, halfDay)).ConfigureAwait(false))
            .Should().Equal(KeysOf(2, 1), "the start is inside, the end outside; ties keep the order recorded");
        (await Keys(_ofPerson(Person1, new Interval(null, t))).ConfigureAwait(false)).Should().Equal(KeysOf(0));
        (await Keys(_ofPerson(Person1, new Interval(t + Duration.FromHours(12), null))).ConfigureAwait(false)).Should().Equal(KeysOf(3));
        if (_everyone is not null)
        {
            (await Keys(_everyone(halfDay)).ConfigureAwait(false)).Should().Equal(KeysOf(2, 1, 4), "everyone's, in the order recorded at a tie");
            (await Keys(_everyone(Always)).ConfigureAwait(false)).Should().Equal(KeysOf(0, 2, 1, 4, 3));
        }
    }

    /// <summary>Eight threads append every key twice (threads 2k and 2k+1 the same quarter): each is recorded once.</summary>
    public async Task EightThreads(int keys)
    {
        var news = new ConcurrentBag<int>();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(thread => Task.Run(async () =>
        {
            for (var i = thread / 2; i < keys; i += 4)
            {
                if (await AppendAsync(Make(i, i % People, Start + Duration.FromSeconds(i))).ConfigureAwait(false))
                {
                    news.Add(i);
                }
            }
        }))).ConfigureAwait(false);

        news.Should().HaveCount(keys).And.OnlyHaveUniqueItems("exactly one append of each key reports a new " + Noun);
        (await CountAsync().ConfigureAwait(false)).Should().Be(keys, "every " + Noun + " is recorded once");
    }

    /// <summary>Records a tick before, at and a day after the instant: the purge deletes the first only, and forgets its key.</summary>
    public async Task Purge()
    {
        var t = Start;
        await AppendAsync(Make(1, 1, t - Duration.FromTicks(1))).ConfigureAwait(false);
        await AppendAsync(Make(2, 1, t)).ConfigureAwait(false);
        await AppendAsync(Make(3, 1, t + Duration.FromDays(1))).ConfigureAwait(false);

        (await _purge(t).ConfigureAwait(false)).Should().Be(1, $"only the {Noun} before the instant goes");
        (await Keys(_ofPerson(Person1, Always)).ConfigureAwait(false)).Should().Equal(KeysOf(2, 3));
        if (_everyone is not null)
        {
            (await Keys(_everyone(Always)).ConfigureAwait(false)).Should().Equal(KeysOf(2, 3));
        }

        if (_find is not null)
        {
            (await _find(Key(1)).ConfigureAwait(false)).Should().BeNull("a purged " + Noun + " is not found by its key");
        }

        (await _purge(t).ConfigureAwait(false)).Should().Be(0, "purging again deletes nothing more");
        (await AppendAsync(Make(1, 1, t + Duration.FromDays(2))).ConfigureAwait(false)).Should().BeTrue("a purged key is forgotten");
    }

    /// <summary>A null record is an argument error naming <c>record</c>, and leaves the store working.</summary>
    public async Task NullRecord()
    {
        await FluentActions.Awaiting(() => AppendAsync(null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("record").ConfigureAwait(false);
        (await AppendAsync(Make(1, 1, Start)).ConfigureAwait(false)).Should().BeTrue("a refused null leaves the store working");
        (await Keys(_ofPerson(Person1, Always)).ConfigureAwait(false)).Should().ContainSingle("the null was not recorded").Which.Should().Be(Key(1));
    }

    /// <summary>
    /// <paramref name="size"/> records of six people at random minutes over 14 days; then, for twelve random intervals of
    /// 1 to 7 days, the person's records (and, when the store has it, everyone's) come back as a scan of everything
    /// appended finds them, by instant.
    /// </summary>
    public async Task BruteForce(int seed, int size)
    {
        var random = new Random(seed);
        var all = new List<T>();
        for (var i = 0; i < size; i++)
        {
            var record = Make(i, random.Next(6), Start + Duration.FromMinutes(random.Next(14 * 24 * 60)));
            all.Add(record);
            await AppendAsync(record).ConfigureAwait(false);
        }

        for (var q = 0; q < 12; q++)
        {
            var person = PersonId.From($"{PersonPrefix}-{q % 6}");
            var from = Start + Duration.FromMinutes(random.Next(7 * 24 * 60));
            var interval = new Interval(from, from + Duration.FromDays(random.Next(1, 8)));

            (await Keys(_ofPerson(person, interval)).ConfigureAwait(false))
                .Should().Equal(Scan(all, r => r.Person == person && interval.Contains(r.At)), "the person's records are those a scan finds, by instant");
            if (_everyone is not null)
            {
                (await Keys(_everyone(interval)).ConfigureAwait(false))
                    .Should().Equal(Scan(all, r => interval.Contains(r.At)), "everyone's records are those a scan finds, by instant");
            }
        }
    }

    /// <summary>The records held, through the store's own queries (everyone's, or each person's the checks use).</summary>
    public async Task<long> CountAsync()
    {
        if (_everyone is not null)
        {
            return (await ListAsync(_everyone(Always)).ConfigureAwait(false)).Count;
        }

        var count = 0L;
        for (var p = 0; p < People; p++)
        {
            count += (await ListAsync(_ofPerson(PersonId.From($"{PersonPrefix}-{p}"), Always)).ConfigureAwait(false)).Count;
        }

        return count;
    }

    public async Task<List<string>> Keys(IAsyncEnumerable<T> records)
        => (await ListAsync(records).ConfigureAwait(false)).Select(r => _fields(r).Key).ToList();

    private string[] KeysOf(params int[] numbers) => numbers.Select(Key).ToArray();

    private IEnumerable<string> Scan(List<T> all, Func<(PersonId Person, Instant At, string Key), bool> keep)
        => all.Select(_fields).Where(keep).OrderBy(r => r.At).Select(r => r.Key);
}
