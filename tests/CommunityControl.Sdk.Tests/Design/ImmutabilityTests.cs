using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Design;

/// <summary>Immutable means immutable: no public immutable type hands out a collection a caller can change.</summary>
public class ImmutabilityTests
{
    private static readonly Assembly Sdk = typeof(ZoneTree).Assembly;

    private static readonly Type[] MutableCollections =
    {
        typeof(Array), typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(Dictionary<,>), typeof(IDictionary<,>),
        typeof(HashSet<>), typeof(ISet<>), typeof(IList), typeof(IDictionary), typeof(ICollection),
    };

    [Fact]
    public void PublicImmutableTypes_DeclareNoMutableCollectionProperty()
    {
        var offenders = ImmutableKinds()
            .SelectMany(t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => IsMutableCollectionType(p.PropertyType))
                .Select(p => $"{t.FullName}.{p.Name}"))
            .ToList();

        offenders.Should().BeEmpty("types other than *Options and *Builder expose read-only collections only");
    }

    [Fact]
    public void PublicStaticCollections_AreReadOnlyAtRunTime()
    {
        var offenders = new List<string>();
        foreach (var t in ImmutableKinds().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(p => p.GetIndexParameters().Length == 0 && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.PropertyType != typeof(string)))
            {
                var value = p.GetValue(null);
                if (value is Array || (value is IList list && !list.IsReadOnly) || (value is IDictionary map && !map.IsReadOnly)
                    || (value is not null && value.GetType().IsGenericType && value.GetType().GetGenericTypeDefinition() is var d && (d == typeof(List<>) || d == typeof(Dictionary<,>) || d == typeof(HashSet<>))))
                {
                    offenders.Add($"{t.FullName}.{p.Name} is a {value!.GetType().Name}");
                }
            }
        }

        offenders.Should().BeEmpty("a public catalogue must not be writable by a cast");
    }

    [Fact]
    public void BuiltInCatalogues_HandOutNoWritableCollection_AnywhereInTheirGraph()
    {
        var offenders = new List<string>();
        var visited = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var t in ImmutableKinds().Where(t => !t.ContainsGenericParameters))
        {
            foreach (var p in t.GetProperties(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly).Where(p => p.GetIndexParameters().Length == 0))
            {
                Walk(p.GetValue(null), $"{t.Name}.{p.Name}", 0, visited, offenders);
            }
        }

        visited.Count.Should().BeGreaterThan(100, "the walk reaches the built-in editions, scales, norms and policies");
        offenders.Should().BeEmpty("a value reachable from a public catalogue must not be writable by a cast");
    }

    [Fact]
    public void RiskScalesAll_IsOneReadOnlyInstance_EvenOnFirstTouchFromManyThreads()
    {
        var seen = new IReadOnlyList<RiskScale>[16];
        Parallel.For(0, seen.Length, i => seen[i] = RiskScales.All);

        seen.Distinct().Should().HaveCount(1);
        seen[0].Should().NotBeAssignableTo<RiskScale[]>();
        seen[0].Should().Contain(RiskScales.ChinaLowMediumHigh).And.HaveCount(7).And.NotContainNulls();
    }

    [Fact]
    public void CaseReportActivities_AreCopied_SoTheValidatedHistoryCannotChange()
    {
        var tree = new ZoneTreeBuilder().Add("c1", ZoneKind.Community).Add("c1-a", ZoneKind.Compound, parent: "c1").Add("c1-b", ZoneKind.Compound, parent: "c1").Build();
        var day = new LocalDate(2022, 7, 1);
        var activities = new[] { new CaseActivity { Zone = ZoneId.From("c1-a") } };
        var report = new CaseReport { Id = "case-0001", Kind = CaseKind.Confirmed, Reported = day, Residence = ZoneId.From("c1-a"), Activities = activities };
        var history = EpidemicHistory.Create(tree, day).Append(new EpidemicDay(day) { Cases = new[] { report } });

        activities[0] = new CaseActivity { Zone = ZoneId.From("c1-b") };

        report.Activities[0].Zone.Should().Be(ZoneId.From("c1-a"));
        report.Activities.Should().NotBeAssignableTo<CaseActivity[]>();
        history.LastDay.Should().Be(day);
    }

    [Fact]
    public void SubsidyCalendarRestDays_AreCopied()
    {
        var days = new[] { IsoDayOfWeek.Saturday };
        var calendar = new SubsidyCalendar { RestDays = days };

        days[0] = IsoDayOfWeek.Monday;

        calendar.RestDays.Should().Equal(IsoDayOfWeek.Saturday);
        calendar.RestDays.Should().NotBeAssignableTo<IsoDayOfWeek[]>();
    }

    private static void Walk(object? value, string path, int depth, HashSet<object> visited, List<string> offenders)
    {
        if (value is null or string || depth > 10 || visited.Count > 50_000)
        {
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is decimal || type.Namespace?.StartsWith("NodaTime", StringComparison.Ordinal) == true
            || (!type.IsValueType && !visited.Add(value)) || value is Delegate || value is ZoneTree)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            if ((value is Array array && array.Length > 0) || (value is IList list && !list.IsReadOnly && list is not Array)
                || (value is IDictionary map && !map.IsReadOnly))
            {
                offenders.Add($"{path} is a writable {type.Name}");
            }

            var i = 0;
            foreach (var item in items)
            {
                if (i++ >= 200)
                {
                    break;
                }

                Walk(item, path + "[]", depth + 1, visited, offenders);
            }
        }

        if (type.Assembly != Sdk)
        {
            return;
        }

        foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0))
        {
            object? next;
            try
            {
                next = p.GetValue(value);
            }
            catch (TargetInvocationException)
            {
                continue;
            }

            Walk(next, path + "." + p.Name, depth + 1, visited, offenders);
        }
    }

    private static IEnumerable<Type> ImmutableKinds() => Sdk.GetExportedTypes()
        .Where(t => !t.Name.EndsWith("Options", StringComparison.Ordinal) && !t.Name.EndsWith("Builder", StringComparison.Ordinal)
            && t != typeof(CommunityControl.Serialization.DocumentLimits) && !t.IsInterface && !t.IsEnum);

    private static bool IsMutableCollectionType(Type type)
    {
        if (type.IsArray)
        {
            return true;
        }

        var definition = type.IsGenericType ? type.GetGenericTypeDefinition() : type;
        return MutableCollections.Contains(definition);
    }
}
