using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class CoPresenceTracingTests
{
    private static readonly ZoneTree Tree = new ZoneTreeBuilder()
        .Add("c1", ZoneKind.Community)
        .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 2)
        .Add("c1-a-1", ZoneKind.Building, parent: "c1-a")
        .Add("c1-a-1-1", ZoneKind.Unit, parent: "c1-a-1")
        .Add("c1-a-1-2", ZoneKind.Unit, parent: "c1-a-1")
        .Add("c1-a-2", ZoneKind.Building, parent: "c1-a")
        .Build();

    private static readonly PersonId Case = PersonId.From("p-case");

    [Theory]
    [InlineData(42)]
    [InlineData(7)]
    [InlineData(2022)]
    public async Task TraceAsync_OnARandomRegister_EqualsABruteForceScan(int seed)
    {
        var random = new Random(seed);
        var gates = new[] { "c1-a", "c1-a-1", "c1-a-2" };
        var store = new InMemoryPassageStore();
        var all = new List<PassageRecord>();
        for (var i = 0; i < 2_500; i++)
        {
            var person = random.Next(10) == 0 ? "p-case" : $"p-{random.Next(60)}";
            var record = Passages.At($"k-{i}", gates[random.Next(gates.Length)], person, Passages.Start + Duration.FromSeconds(random.Next(3 * 86_400)));
            all.Add(record);
            await store.AppendAsync(record);
        }

        var from = Passages.Start + Duration.FromHours(random.Next(24));
        var query = new CoPresenceQuery { Case = Case, InfectiousPeriod = new Interval(from, from + Duration.FromHours(30)), Window = Duration.FromMinutes(random.Next(1, 20)) };

        var result = await CoPresenceTracing.TraceAsync(store, query);

        var casePassages = all.Where(p => p.Person == Case && query.InfectiousPeriod.Contains(p.At)).ToList();
        var expected = all
            .Where(p => p.Person != Case)
            .Select(p => (Passage: p, Gaps: casePassages.Where(c => c.Gate == p.Gate).Select(c => Abs(p.At - c.At)).Where(g => g <= query.Window).ToList()))
            .Where(x => x.Gaps.Count > 0)
            .Select(x => $"{x.Passage.Person}|{x.Passage.IdempotencyKey}|{x.Gaps.Min()}")
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();
        var actual = result.Contacts
            .SelectMany(c => c.Evidence.Select(e => $"{c.Person}|{e.ContactPassage.IdempotencyKey}|{Abs(e.Gap)}"))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        expected.Should().NotBeEmpty("the random register is dense enough to have contacts");
        actual.Should().Equal(expected);
        result.CasePassages.Select(p => p.IdempotencyKey).Should().BeEquivalentTo(casePassages.Select(p => p.IdempotencyKey));
        result.Gates.Should().BeEquivalentTo(casePassages.Select(p => p.Gate).Distinct());
        result.Contacts.Should().OnlyContain(c => c.Person != Case && c.Evidence.All(e => e.CasePassage.Person == Case && e.Gate == e.ContactPassage.Gate));
    }

    [Fact]
    public async Task TraceAsync_WindowEdges_ExactlyDeltaIsAContact_OneNanosecondMoreIsNot_AndOnlyTheInfectiousPeriodCounts()
    {
        var store = new InMemoryPassageStore();
        var t = Passages.Start + Duration.FromHours(10);
        var delta = Duration.FromMinutes(5);
        await store.AppendAsync(Passages.At("case-in", "c1-a", "p-case", t));
        await store.AppendAsync(Passages.At("case-out", "c1-a", "p-case", t + Duration.FromHours(20)));       // outside the period
        await store.AppendAsync(Passages.At("before-edge", "c1-a", "p-1", t - delta));
        await store.AppendAsync(Passages.At("after-edge", "c1-a", "p-2", t + delta));
        await store.AppendAsync(Passages.At("too-late", "c1-a", "p-3", t + delta + Duration.Epsilon));
        await store.AppendAsync(Passages.At("other-gate", "c1-a-1", "p-4", t));
        await store.AppendAsync(Passages.At("near-out", "c1-a", "p-5", t + Duration.FromHours(20)));

        var result = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = Case,
            InfectiousPeriod = new Interval(Passages.Start, Passages.Start + Duration.FromHours(12)),
            Window = delta,
        });

        result.Contacts.Select(c => c.Person.Value).Should().Equal("p-1", "p-2");
        result.Contacts[0].Evidence.Single().Gap.Should().Be(-delta);
        result.Contacts[1].Evidence.Single().Gap.Should().Be(delta);
        result.Contacts[1].ClosestGap.Should().Be(delta);
        result.Contacts[0].Evidence.Single().CasePassage.IdempotencyKey.Should().Be("case-in");
        result.Contacts[0].Evidence.Single().ToString().Should().Be("At c1-a, -0:05:00 from the case");
        result.Gates.Should().Equal(ZoneId.From("c1-a"));
        result.ToActivities().Should().ContainSingle().Which.Zone.Should().Be(ZoneId.From("c1-a"));
        result.ToActivities()[0].Stay.Should().Be(Duration.Zero, "the register does not know the stay");
        result.ToString().Should().Be("Co-presence: 1 gates, 2 contacts, 0 households");
    }

    [Fact]
    public async Task TraceAsync_Residences_HouseholdsOfTheCasesUnitOrBuilding()
    {
        var residences = new Dictionary<HouseholdId, ZoneId>
        {
            [HouseholdId.From("h-case")] = ZoneId.From("c1-a-1-1"),
            [HouseholdId.From("h-same-unit")] = ZoneId.From("c1-a-1-1"),
            [HouseholdId.From("h-other-unit")] = ZoneId.From("c1-a-1-2"),
            [HouseholdId.From("h-other-building")] = ZoneId.From("c1-a-2"),
        };
        var query = new CoPresenceQuery
        {
            Case = Case,
            InfectiousPeriod = new Interval(Passages.Start, Passages.Start + Duration.FromDays(1)),
            Window = Duration.FromMinutes(5),
            CaseHousehold = HouseholdId.From("h-case"),
            Residences = residences,
            Tree = Tree,
            SharedResidence = ZoneKind.Unit,
        };

        var unit = await CoPresenceTracing.TraceAsync(new InMemoryPassageStore(), query);
        var building = await CoPresenceTracing.TraceAsync(new InMemoryPassageStore(), new CoPresenceQuery
        {
            Case = query.Case, InfectiousPeriod = query.InfectiousPeriod, Window = query.Window, CaseHousehold = query.CaseHousehold,
            Residences = residences, Tree = Tree, SharedResidence = ZoneKind.Building,
        });

        unit.Households.Select(h => h.Value).Should().Equal("h-case", "h-same-unit");
        building.Households.Select(h => h.Value).Should().Equal("h-case", "h-other-unit", "h-same-unit");
        unit.Contacts.Should().BeEmpty();
    }

    [Fact]
    public async Task TraceAsync_BadQueries_ThrowNamingTheProperty()
    {
        var store = new InMemoryPassageStore();
        var period = new Interval(Passages.Start, Passages.Start + Duration.FromDays(1));

        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(null!, new CoPresenceQuery { Case = Case, InfectiousPeriod = period, Window = Duration.Zero }))
            .Should().ThrowAsync<ArgumentNullException>().WithParameterName("store");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("query");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery { Case = default, InfectiousPeriod = period, Window = Duration.Zero }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("Case:*");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery { Case = Case, InfectiousPeriod = new Interval(Passages.Start, null), Window = Duration.Zero }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("InfectiousPeriod:*");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery { Case = Case, InfectiousPeriod = period, Window = Duration.FromMinutes(-1) }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("Window:*");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery { Case = Case, InfectiousPeriod = period, Window = Duration.Zero, Residences = new Dictionary<HouseholdId, ZoneId>(), Tree = Tree }))
            .Should().ThrowAsync<ArgumentException>().WithMessage("SharedResidence:*");
        await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = Case, InfectiousPeriod = period, Window = Duration.Zero, CaseHousehold = HouseholdId.From("h-x"),
            Residences = new Dictionary<HouseholdId, ZoneId>(), Tree = Tree, SharedResidence = ZoneKind.Unit,
        })).Should().ThrowAsync<ArgumentException>().WithMessage("Residences:*");
        new CoPresenceQuery { Case = Case, InfectiousPeriod = period, Window = Duration.FromMinutes(5) }.ToString()
            .Should().Be("Co-presence over 2022-04-01T00:00:00Z/2022-04-02T00:00:00Z, ±0:05:00").And.NotContain("p-case");
    }

    private static Duration Abs(Duration d) => d < Duration.Zero ? -d : d;
}
