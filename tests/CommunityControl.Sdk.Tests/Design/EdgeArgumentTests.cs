using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using Xunit.Abstractions;

namespace CommunityControl.Tests.Design;

/// <summary>
/// Every public constructor and method of the core package, called with edge arguments (null, empty, NaN, infinities,
/// the first and last instants and days NodaTime has, undefined enum values, sequences holding a null), shows no person's
/// or household's id in a result's <c>ToString()</c> or an exception's message, and throws only the
/// exception types a caller is told to expect: the argument exceptions, the two document/model exceptions, cancellation,
/// and a short list of documented, member-specific ones below. A stray <see cref="OverflowException"/>,
/// <see cref="NullReferenceException"/> or <see cref="InvalidCastException"/> fails the test, naming the member and the
/// arguments. One argument varies at a time; the others take the first value of their pool. Instances for instance
/// methods come from the package's own static catalogues (editions, scales, presets) and from what earlier calls returned,
/// and options-like types (public parameterless constructor, settable properties) are also tried with one property set
/// to each edge value.
/// </summary>
public class EdgeArgumentTests
{
    private static readonly HashSet<Type> Expected = new()
    {
        typeof(ArgumentException), typeof(ArgumentNullException), typeof(ArgumentOutOfRangeException),
        typeof(DocumentFormatException), typeof(ModelValidationException), typeof(OperationCanceledException),
        typeof(TaskCanceledException), typeof(KeyNotFoundException),
    };

    /// <summary>Member-specific exceptions their XML docs name (the BCL's own contracts for Parse/ToString(format), caller
    /// streams that cannot grow, state errors, and the array reads of the hot path that document IndexOutOfRangeException).</summary>
    private static readonly HashSet<string> Documented = new(StringComparer.Ordinal)
    {
        "HouseholdId.Parse FormatException",
        "PersonId.Parse FormatException",
        "ZoneId.Parse FormatException",
        "RiskLevel.Parse FormatException",
        "ZoneId.ToString FormatException",
        "RiskLevel.ToString FormatException",
        "EpidemicHistoryJson.Write NotSupportedException",
        "MeasureTableJson.Write NotSupportedException",
        "SubsidyStatementCsv.Write NotSupportedException",
        "ZoneTreeJson.Write NotSupportedException",
        "VolunteerRoster.Move InvalidOperationException",
        "Zone.get_Parent InvalidOperationException",
        "RiskSnapshot.LevelAt IndexOutOfRangeException",
        "RiskSnapshot.IsInsufficientDataAt IndexOutOfRangeException",
        "ZoneTree.SubtreeEnd IndexOutOfRangeException",
        "Enumerator.get_Current IndexOutOfRangeException",
    };

    /// <summary>A full in-memory store refuses an append with <see cref="InvalidOperationException"/> ("holds its capacity";
    /// documented on each store); the sweep makes stores of capacity 1, so every store's append reaches it.</summary>
    private const string FullStore = "AppendAsync InvalidOperationException";

    /// <summary>Part of every person and household id the sweep passes: no <c>ToString()</c> and no exception message may
    /// show it (pseudonymous ids stay inside the records).</summary>
    private const string PersonalMarker = "sweep-secret";

    private readonly ITestOutputHelper _output;
    private readonly Dictionary<Type, List<object>> _instances = new();
    private readonly SortedDictionary<string, string> _stray = new(StringComparer.Ordinal);
    private readonly SortedSet<string> _shown = new(StringComparer.Ordinal);
    private ZoneTree _tree = null!;
    private int _calls;
    private int _personalCalls;

    public EdgeArgumentTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void PublicMembers_GivenEdgeArguments_ThrowOnlyTheDocumentedExceptionTypes()
    {
        var assembly = typeof(ZoneTree).Assembly;
        _tree = ZoneTreeJson.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "Quickstart", "community.json")));
        Remember(_tree);
        foreach (var type in assembly.GetExportedTypes())
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Static).Where(p => p.GetIndexParameters().Length == 0))
            {
                var value = property.GetValue(null);
                if (value is IEnumerable items and not string)
                {
                    foreach (var item in items)
                    {
                        Remember(item);
                    }
                }

                Remember(value);
            }
        }

        var types = assembly.GetExportedTypes().Where(t => !t.IsGenericTypeDefinition).OrderBy(t => t.FullName, StringComparer.Ordinal).ToList();
        for (var round = 0; round < 2; round++)
        {
            foreach (var type in types)
            {
                CallEverything(type);
            }
        }

        _output.WriteLine($"{_calls:N0} calls ({_personalCalls:N0} given an id) over {types.Count} types; instances of {_instances.Count} types.");
        foreach (var s in _stray)
        {
            _output.WriteLine($"{s.Key}: {s.Value}");
        }

        _calls.Should().BeGreaterThan(5_000, "the sweep reaches the public surface");
        _personalCalls.Should().BeGreaterThan(100, "the sweep passes ids to the members that take them");
        _stray.Should().BeEmpty("bad arguments get a documented exception type, never a stray one");
        _shown.Should().BeEmpty("no ToString() and no exception message shows a person's or household's id");
    }

    private void CallEverything(Type type)
    {
        if (!type.IsAbstract)
        {
            foreach (var constructor in type.GetConstructors())
            {
                Sweep(type, constructor.Name, constructor.GetParameters(), args => constructor.Invoke(args));
            }
        }

        foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(m => !m.IsGenericMethodDefinition && !m.IsSpecialName))
        {
            Sweep(type, method.Name, method.GetParameters(), args => method.Invoke(null, args));
        }

        var targets = _instances.Where(kv => type.IsAssignableFrom(kv.Key)).SelectMany(kv => kv.Value).Take(2).ToList();
        foreach (var target in targets)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsGenericMethodDefinition && !(m.IsSpecialName && m.Name.StartsWith("set_", StringComparison.Ordinal))))
            {
                Sweep(type, method.Name, method.GetParameters(), args => method.Invoke(target, args));
            }
        }
    }

    private void Sweep(Type type, string member, ParameterInfo[] parameters, Func<object?[], object?> call)
    {
        if (parameters.Any(p => p.ParameterType.IsPointer || p.ParameterType.IsByRefLike || (p.ParameterType.IsByRef && p.ParameterType.GetElementType()!.IsByRefLike)))
        {
            return;
        }

        var pools = parameters.Select(p => Pool(p.ParameterType)).ToArray();
        var first = pools.Select(p => p[0]).ToArray();
        Call(type, member, first, call);
        for (var i = 0; i < parameters.Length; i++)
        {
            foreach (var value in pools[i].Skip(1))
            {
                var args = (object?[])first.Clone();
                args[i] = value;
                Call(type, member, args, call);
            }
        }
    }

    private bool Call(Type type, string member, object?[] args, Func<object?[], object?> call)
    {
        _calls++;
        if (args.Any(a => a is PersonId { IsEmpty: false } or HouseholdId { IsEmpty: false }))
        {
            _personalCalls++;
        }

        Exception? thrown = null;
        try
        {
            var result = call((object?[])args.Clone());
            result = Complete(result);
            Remember(result);
            if (result is not null and not string && result.ToString()?.Contains(PersonalMarker, StringComparison.Ordinal) == true)
            {
                _shown.Add($"{type.FullName}.{member} returned a {result.GetType().Name} whose ToString() shows an id");
            }
        }
        catch (TargetInvocationException e)
        {
            thrown = e.InnerException;
        }
        catch (Exception e)
        {
            thrown = e;
        }

        if (thrown is null)
        {
            return true;
        }

        if (thrown.Message.Contains(PersonalMarker, StringComparison.Ordinal))
        {
            _shown.Add($"{type.FullName}.{member} threw a {thrown.GetType().Name} whose message shows an id");
        }

        if (Expected.Contains(thrown.GetType()) || Documented.Contains($"{type.Name}.{member} {thrown.GetType().Name}")
            || ($"{member} {thrown.GetType().Name}" == FullStore && thrown.Message.Contains("holds its capacity", StringComparison.Ordinal)))
        {
            return false;
        }

        var key = $"{type.FullName}.{member} {thrown.GetType().Name}";
        if (!_stray.ContainsKey(key))
        {
            _stray[key] = $"({Describe(args)}) {thrown.Message.Split('\n')[0]} at {thrown.StackTrace?.Split('\n').FirstOrDefault()?.Trim()}";
        }

        return false;
    }

    /// <summary>Waits for a task or value task, and reads a few items of an async sequence, so that their exceptions surface.</summary>
    private static object? Complete(object? result)
    {
        switch (result)
        {
            case null:
                return null;
            case Task task:
                task.GetAwaiter().GetResult();
                return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        }

        var type = result.GetType();
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            return Complete(type.GetMethod("AsTask")!.Invoke(result, null));
        }

        if (result is ValueTask valueTask)
        {
            valueTask.GetAwaiter().GetResult();
            return null;
        }

        var asyncSequence = type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>));
        if (asyncSequence is not null)
        {
            var enumerator = asyncSequence.GetMethod("GetAsyncEnumerator")!.Invoke(result, new object[] { CancellationToken.None })!;
            var moveNext = enumerator.GetType().GetInterfaces().First(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerator<>)).GetMethod("MoveNextAsync")!;
            for (var i = 0; i < 3 && ((ValueTask<bool>)moveNext.Invoke(enumerator, null)!).AsTask().GetAwaiter().GetResult(); i++)
            {
            }

            ((IAsyncDisposable)enumerator).DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        return result;
    }

    private void Remember(object? value)
    {
        if (value is null || value is Task)
        {
            return;
        }

        if (!_instances.TryGetValue(value.GetType(), out var list))
        {
            _instances[value.GetType()] = list = new List<object>();
        }

        if (list.Count < 3)
        {
            list.Add(value);
        }
    }

    private object?[] Pool(Type type)
    {
        if (type.IsByRef)
        {
            type = type.GetElementType()!;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Pool(underlying).Append(null).ToArray();
        }

        var scalar = ScalarPool(type);
        if (scalar is not null)
        {
            return scalar;
        }

        if (type == typeof(ZoneId))
        {
            return new object?[] { _tree[1].Id, default(ZoneId) };
        }

        if (type.IsEnum)
        {
            var defined = Enum.GetValues(type).Cast<object>().ToList();
            return new[] { defined.Count > 1 ? defined[1] : defined[0], Enum.ToObject(type, 0), Enum.ToObject(type, 999) };
        }

        if (type.IsArray || (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type)))
        {
            return SequencePool(type);
        }

        var known = _instances.Where(kv => type.IsAssignableFrom(kv.Key)).SelectMany(kv => kv.Value).Take(3).Cast<object?>().ToList();
        known.AddRange(Variants(type));
        known.Add(null);
        return type.IsValueType && known.Count == 1 ? new[] { Activator.CreateInstance(type) } : known.ToArray();
    }

    /// <summary>The edge values of each scalar type; the first is a valid value, the others are edges. Made afresh per
    /// use (streams are consumed).</summary>
    private static readonly Dictionary<Type, Func<object?[]>> Scalars = new()
    {
        [typeof(string)] = () => new object?[] { "x", null, string.Empty, " ", "\0", new string('a', 5_000), "High", "\ud800" },
        [typeof(int)] = () => new object?[] { 1, 0, -1, int.MaxValue, int.MinValue },
        [typeof(long)] = () => new object?[] { 1L, 0L, -1L, long.MaxValue, long.MinValue },
        [typeof(double)] = () => new object?[] { 1.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, -1.0, 0.0, 1e308, double.Epsilon },
        [typeof(decimal)] = () => new object?[] { 1m, -1m, 0m, decimal.MaxValue, decimal.MinValue },
        [typeof(bool)] = () => new object?[] { true, false },
        [typeof(LocalDate)] = () => new object?[] { new LocalDate(2022, 4, 1), default(LocalDate), LocalDate.MinIsoValue, LocalDate.MaxIsoValue, new LocalDate(2022, 4, 1, CalendarSystem.Julian) },
        [typeof(LocalTime)] = () => new object?[] { new LocalTime(8, 0), LocalTime.Midnight, LocalTime.MaxValue },
        [typeof(LocalDateTime)] = () => new object?[] { new LocalDateTime(2022, 4, 1, 8, 0), default(LocalDateTime), LocalDate.MaxIsoValue.AtMidnight() },
        [typeof(Duration)] = () => new object?[] { Duration.FromHours(1), Duration.Zero, Duration.FromHours(-1), Duration.MaxValue, Duration.MinValue, Duration.Epsilon },
        [typeof(Instant)] = () => new object?[] { Instant.FromUtc(2022, 4, 1, 0, 0), Instant.MinValue, Instant.MaxValue, default(Instant) },
        [typeof(Interval)] = () => new object?[] { new Interval(Instant.FromUtc(2022, 4, 1, 0, 0), Instant.FromUtc(2022, 4, 2, 0, 0)), new Interval(null, null), new Interval(Instant.MinValue, Instant.MaxValue) },
        [typeof(DateInterval)] = () => new object?[] { new DateInterval(new LocalDate(2022, 4, 1), new LocalDate(2022, 4, 7)), null, new DateInterval(LocalDate.MinIsoValue, LocalDate.MaxIsoValue), new DateInterval(new LocalDate(2022, 4, 1), new LocalDate(2023, 4, 7)) },
        [typeof(DateTimeZone)] = () => new object?[] { DateTimeZoneProviders.Tzdb["Asia/Shanghai"], null, DateTimeZone.Utc },
        [typeof(IClock)] = () => new object?[] { SystemClock.Instance, null },
        [typeof(CultureInfo)] = () => new object?[] { CultureInfo.InvariantCulture, null, new CultureInfo("zh-Hant") },
        [typeof(IFormatProvider)] = () => new object?[] { CultureInfo.InvariantCulture, null },
        [typeof(CancellationToken)] = () => new object?[] { CancellationToken.None, new CancellationToken(true) },
        [typeof(IsoDayOfWeek)] = () => new object?[] { IsoDayOfWeek.Monday, IsoDayOfWeek.None, (IsoDayOfWeek)99 },
        [typeof(TimeSpan)] = () => new object?[] { TimeSpan.FromHours(1), TimeSpan.Zero, TimeSpan.MaxValue, TimeSpan.FromHours(-1) },
        [typeof(Stream)] = () => new object?[] { new MemoryStream(new byte[] { 0xff, 0xfe, 0x00 }), null, new MemoryStream(), new MemoryStream("{}"u8.ToArray()) },
        [typeof(TextWriter)] = () => new object?[] { new StringWriter(CultureInfo.InvariantCulture), null },
        [typeof(PersonId)] = () => new object?[] { PersonId.From(PersonalMarker + "-p"), default(PersonId) },
        [typeof(HouseholdId)] = () => new object?[] { HouseholdId.From(PersonalMarker + "-h"), default(HouseholdId) },
        [typeof(RiskLevel)] = () => new object?[] { RiskLevel.FromSeverity(3), RiskLevel.None, RiskLevel.FromSeverity(RiskLevel.MaxSeverity) },
    };

    private static object?[]? ScalarPool(Type type) => Scalars.TryGetValue(type, out var make) ? make() : null;

    private object?[] SequencePool(Type type)
    {
        var element = type.IsArray ? type.GetElementType()! : type.GetGenericArguments()[0];
        if (element.IsGenericType && element.GetGenericTypeDefinition() == typeof(KeyValuePair<,>))
        {
            return new object?[] { Array.CreateInstance(element, 0), null };
        }

        var values = Pool(element);
        var one = Array.CreateInstance(element, 1);
        one.SetValue(values[0], 0);
        var withDefault = Array.CreateInstance(element, 1);
        var several = Array.CreateInstance(element, Math.Min(3, values.Length));
        for (var i = 0; i < several.Length; i++)
        {
            several.SetValue(values[i], i);
        }

        return new object?[] { one, null, Array.CreateInstance(element, 0), withDefault, several }.Where(v => v is null || type.IsInstanceOfType(v)).ToArray();
    }

    /// <summary>An options-like type (public parameterless constructor, settable properties of scalar types) with one
    /// property set to each edge value in turn; a setter that validates may throw, by the same rules as any call.</summary>
    private List<object?> Variants(Type type)
    {
        var variants = new List<object?>();
        var settable = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod?.IsPublic == true).ToList();
        if (type.IsAbstract || type.IsValueType || settable.Count == 0 || type.GetConstructor(Type.EmptyTypes) is null
            || type.Namespace?.StartsWith("CommunityControl", StringComparison.Ordinal) != true)
        {
            return variants;
        }

        variants.Add(Activator.CreateInstance(type));
        foreach (var property in settable)
        {
            var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var values = ScalarPool(target) ?? (target.IsEnum ? new object?[] { Enum.ToObject(target, 0), Enum.ToObject(target, 999) } : Array.Empty<object?>());
            foreach (var value in values)
            {
                var instance = Activator.CreateInstance(type);
                var set = value is null && property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null
                    ? Activator.CreateInstance(property.PropertyType)
                    : value;
                if (Call(type, property.SetMethod!.Name, new[] { set }, args => { property.SetValue(instance, args[0]); return null; }))
                {
                    variants.Add(instance);
                }
            }
        }

        return variants;
    }

    private static string Describe(object?[] args) => string.Join(", ", args.Select(a => a switch
    {
        null => "null",
        string s => s.Length > 20 ? $"string[{s.Length}]" : $"\"{s}\"",
        Array array => $"{array.GetType().GetElementType()!.Name}[{array.Length}]",
        _ => a.GetType().Name,
    }));
}
