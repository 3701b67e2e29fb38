using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Tests.Access;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>Tracing needs <see cref="Permissions.TraceContacts"/> (held by the CDC under Art. 40); the traced contacts'
/// follow-ups are what the gate sees, and the case's gates become its activity places.</summary>
public class TracingAuthorityTests
{
    private static readonly AuthorityPolicy China = AuthorityPolicy.ChinaInfectiousDiseaseLaw2013;
    private static readonly PersonId Case = PersonId.From("p-case");
    private static readonly Instant At = GateFixture.Local(9, 0);

    [Fact]
    public async Task TraceAsync_CommunityWorkerWithoutTheGrant_IsEscalatedToTheCdc_AndReadsNothing()
    {
        var store = await Register();
        var trail = new InMemoryAuditTrail();
        var audited = new AuditedPassageStore(store, trail, new RecordReader(PersonId.From("staff-1"), Role.CommunityWorker, "contact-tracing"), NodaTime.Testing.FakeClock.FromUtc(2022, 7, 1));

        var result = await CoPresenceTracing.TraceAsync(audited, Query(), China, Role.CommunityWorker, At);

        result.IsEscalated.Should().BeTrue();
        result.MissingPermissions.Should().Be(Permissions.TraceContacts);
        result.EscalateTo.Should().Be(Roles.Cdc);
        result.Contacts.Should().BeEmpty();
        result.ToString().Should().Be("Co-presence: escalate TraceContacts to Cdc");
        await foreach (var read in trail.ReadsOfAsync(Case, new Interval(null, null)))
        {
            read.Should().BeNull("an escalated trace reads no passage");
        }

        AuthorityText.Describe(Permissions.TraceContacts, chinese: false).Should().Be("trace contacts");
        AuthorityText.Describe(Permissions.TraceContacts, chinese: true).Should().Be("流行病学调查（追踪密接）");
    }

    [Fact]
    public async Task TraceAsync_CdcByPosition_OrAWorkerWhileAGrantIsValid_Traces()
    {
        var store = await Register();
        var grant = new AuthorityGrant(Role.CommunityWorker, Permissions.TraceContacts, LegalBasis.InfectiousDiseaseLawArticle40, new Interval(At, At + Duration.FromDays(1)), decidedBy: "区疾控中心");
        var granted = China.WithGrant(grant);

        var cdc = await CoPresenceTracing.TraceAsync(store, Query(), China, Role.Cdc, At);
        var worker = await CoPresenceTracing.TraceAsync(store, Query(), granted, Role.CommunityWorker, At);
        var expired = await CoPresenceTracing.TraceAsync(store, Query(), granted, Role.CommunityWorker, At + Duration.FromDays(1));

        cdc.IsEscalated.Should().BeFalse();
        cdc.Contacts.Select(c => c.Person.Value).Should().Equal("p-a", "p-b");
        worker.Contacts.Should().HaveCount(2);
        expired.IsEscalated.Should().BeTrue("the grant ends at its end, exclusive");
        China.HoldersOf(Permissions.TraceContacts, At).Should().Be(Roles.Cdc);
        (await FluentActions.Awaiting(async () => await CoPresenceTracing.TraceAsync(store, Query(), null!, Role.Cdc, At)).Should().ThrowAsync<ArgumentNullException>()).Which.ParamName.Should().Be("authority");
    }

    [Fact]
    public async Task TracedContacts_FollowUpsAreWhatTheGateSees_AndTheCasesGatesDesignateItsActivityPlaces()
    {
        var ninth = PolicyEditions.China.NinthEdition.Measures!;
        var result = await CoPresenceTracing.TraceAsync(await Register(), Query(), China, Role.Cdc, At);
        var followUps = new InMemoryFollowUpStore();
        foreach (var s in result.ToFollowUpSchedules(ninth.PlanFor(ExposureCategory.CloseContact)!, GateFixture.Shanghai))
        {
            await followUps.SaveAsync(s);
        }

        var a = (await followUps.FindAsync(PersonId.From("p-a")))!;
        var b = (await followUps.FindAsync(PersonId.From("p-b")))!;
        a.FirstDay.Should().Be(GateFixture.Date);
        a.Exposures.Should().Equal(GateFixture.Date, GateFixture.Date.PlusDays(1));
        a.Until.Should().Be(GateFixture.Date.PlusDays(10), "re-exposed on day 2: 7 + 3 days from 07-02");
        b.Until.Should().Be(GateFixture.Date.PlusDays(9), "7 + 3 days from 07-01");

        var gate = AccessPolicy.Create(ninth, China);
        var onDay7 = GateFixture.Resident(GateDirection.Exit, at: GateFixture.Local(12, 0, dayOffset: 6)) with { Person = b.Person, Status = b.StatusOn(GateFixture.Date.PlusDays(6)) };
        var afterRelease = onDay7 with { At = GateFixture.Local(12, 0, dayOffset: 10), Status = b.StatusOn(GateFixture.Date.PlusDays(10)) };
        onDay7.Status.Should().Be(MonitoringStatus.CentralizedQuarantine);
        gate.Evaluate(in onDay7, GateFixture.UniformOn(6, GateFixture.Low)).Outcome.Should().NotBe(AccessOutcome.Allow).And.NotBe(AccessOutcome.AllowWithObligations);
        afterRelease.Status.Should().Be(MonitoringStatus.None);
        gate.Evaluate(in afterRelease, GateFixture.UniformOn(10, GateFixture.Low)).Outcome.Should().Be(AccessOutcome.Allow);

        var report = new CaseReport { Id = "case-1", Kind = CaseKind.Confirmed, Reported = GateFixture.Date.PlusDays(2), Residence = ZoneId.From("c1-a-1"), Activities = result.ToActivities() };
        report.Activities.Select(x => x.Zone.Value).Should().Equal("c1-a", "c1-b");
        var history = new EpidemicHistoryBuilder(GateFixture.Tree, GateFixture.Date).Add(report).Build();
        var timeline = PolicyEditions.China.NinthEdition.Risk.Evaluate(history, new DateInterval(GateFixture.Date, GateFixture.Date.PlusDays(3)));
        timeline.LevelOf(ZoneId.From("c1-b"), report.Reported).Should().Be(GateFixture.Medium, "an activity place of the case found at the register");
        timeline.LevelOf(ZoneId.From("c1-a"), report.Reported).Should().Be(GateFixture.High, "the case's residence compound");
    }

    private static CoPresenceQuery Query() => new()
    {
        Case = Case,
        InfectiousPeriod = new Interval(GateFixture.Local(0, 0), GateFixture.Local(0, 0, dayOffset: 3)),
        Window = Duration.FromMinutes(5),
    };

    /// <summary>The case passes c1-a on 07-01 and 07-02 and c1-b on 07-01; p-a is near it at c1-a both days, p-b at c1-b on 07-01 only, p-c too late.</summary>
    private static async Task<InMemoryPassageStore> Register()
    {
        var store = new InMemoryPassageStore();
        var t1 = GateFixture.Local(8, 0);
        var t2 = GateFixture.Local(8, 0, dayOffset: 1);
        var t3 = GateFixture.Local(18, 0);
        foreach (var p in new[]
        {
            Passages.At("k-1", "c1-a", "p-case", t1), Passages.At("k-2", "c1-a", "p-case", t2), Passages.At("k-3", "c1-b", "p-case", t3),
            Passages.At("k-4", "c1-a", "p-a", t1 + Duration.FromMinutes(2)), Passages.At("k-5", "c1-a", "p-a", t2 - Duration.FromMinutes(5)),
            Passages.At("k-6", "c1-b", "p-b", t3 + Duration.FromMinutes(1)), Passages.At("k-7", "c1-b", "p-c", t3 + Duration.FromMinutes(6)),
        })
        {
            await store.AppendAsync(p);
        }

        return store;
    }
}
