using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using CommunityControl.PostgreSql;
using CommunityControl.Tests.Access;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// The gate policy over every asynchronous ledger: "one person every 2 days" in both readings at their edges, retries
/// of a recorded request, the read-only decision. The ledger's own contract (the interval's edges, open outings,
/// idempotent retries, concurrent gates granting exactly the quota) is the Testing package's
/// <see cref="CommunityControl.Testing.StoreConformance.ForOutingLedger"/>, run in <see cref="CommunityControl.Tests.Records.StoreConformanceTests"/>.
/// </summary>
public abstract class OutingLedgerContractTests
{
    private static readonly AccessPolicy Huanggang = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling) }));
    private static readonly Duration TwoDays = Duration.FromDays(2);

    protected abstract IOutingLedgerAsync Ledger { get; }

    /// <summary>
    /// "One person every 2 days", both readings, at the gate through the policy: the first outing on day 1, the second
    /// asked for on the day and time given (days from the fixture's date, Asia/Shanghai).
    /// </summary>
    [Theory]
    [InlineData(OutingWindowKind.Rolling, 0, 12, 0, 2, 11, 59, false)]
    [InlineData(OutingWindowKind.Rolling, 0, 12, 0, 2, 12, 0, true)]
    [InlineData(OutingWindowKind.Rolling, 0, 23, 59, 2, 0, 1, false)]
    [InlineData(OutingWindowKind.Rolling, 2, 0, 0, 1, 23, 59, false)]
    [InlineData(OutingWindowKind.CalendarDays, 0, 23, 59, 1, 0, 1, false)]
    [InlineData(OutingWindowKind.CalendarDays, 0, 23, 59, 2, 0, 1, true)]
    [InlineData(OutingWindowKind.CalendarDays, 0, 23, 59, 2, 0, 0, true)]
    [InlineData(OutingWindowKind.CalendarDays, 0, 0, 0, 1, 23, 59, false)]
    [InlineData(OutingWindowKind.CalendarDays, 0, 0, 0, 2, 0, 0, true)]
    [InlineData(OutingWindowKind.CalendarDays, 2, 0, 0, 1, 23, 59, false)]
    [InlineData(OutingWindowKind.CalendarDays, 3, 0, 0, 1, 23, 59, true)]
    public async Task EveryTwoDays_BothReadings_AtTheirEdges(OutingWindowKind window, int firstDay, int firstHour, int firstMinute, int secondDay, int secondHour, int secondMinute, bool allowed)
    {
        var policy = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", window) }));
        var household = NewHousehold();
        var first = Resident(GateDirection.Exit, at: Local(firstHour, firstMinute, dayOffset: firstDay)) with { Household = household };
        (await policy.EvaluateAndRecordAsync(first, UniformOn(firstDay, Medium), Ledger)).IsAllowed.Should().BeTrue("the household has not been out");
        var second = Resident(GateDirection.Exit, at: Local(secondHour, secondMinute, dayOffset: secondDay)) with { Household = household, Person = Spouse };

        var decision = await policy.EvaluateAndRecordAsync(second, UniformOn(secondDay, Medium), Ledger);

        decision.IsAllowed.Should().Be(allowed);
        decision.Has(AccessReasons.OutingQuotaExhausted).Should().Be(!allowed);
        (await Ledger.OutingsOfAsync(household)).Should().HaveCount(allowed ? 2 : 1);
    }

    [Fact]
    public async Task EvaluateAndRecordAsync_Huanggang_RetryIsAllowedAgainAndRecordsOnce_OtherMemberDenied()
    {
        var household = NewHousehold();
        var exit = Resident(GateDirection.Exit) with { Household = household };
        var spouse = exit with { Person = Spouse };

        var first = await Huanggang.EvaluateAndRecordAsync(exit, Uniform(Medium), Ledger, "request-1");
        var retry = await Huanggang.EvaluateAndRecordAsync(exit, Uniform(Medium), Ledger, "request-1");
        var other = await Huanggang.EvaluateAndRecordAsync(spouse, Uniform(Medium), Ledger, "request-2");
        var synchronous = Huanggang.EvaluateAndRecord(in exit, Uniform(Medium), new InMemoryOutingLedger());

        first.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        first.Reasons.Should().Be(synchronous.Reasons);
        first.Obligations.Should().Be(synchronous.Obligations);
        retry.Outcome.Should().Be(first.Outcome);
        retry.Obligations.Should().Be(first.Obligations);
        other.Outcome.Should().Be(AccessOutcome.Deny);
        other.Reasons.Should().Be(AccessReasons.OutingQuotaExhausted);
        (await Ledger.OutingsOfAsync(household)).Should().ContainSingle();
    }

    [Fact]
    public async Task EvaluateAsync_ReadsTheLedgerAsEvaluateDoes_AndRecordsNothing()
    {
        var household = NewHousehold();
        var exit = Resident(GateDirection.Exit) with { Household = household };
        var spouse = exit with { Person = Spouse };
        var mirror = new InMemoryOutingLedger();

        var before = await Huanggang.EvaluateAsync(exit, Uniform(Medium), Ledger);
        var beforeSync = Huanggang.Evaluate(in exit, Uniform(Medium), mirror);
        (await Ledger.OutingsOfAsync(household)).Should().BeEmpty("a read-only evaluation records nothing");
        await Huanggang.EvaluateAndRecordAsync(exit, Uniform(Medium), Ledger, "request-1");
        Huanggang.EvaluateAndRecord(in exit, Uniform(Medium), mirror);
        var after = await Huanggang.EvaluateAsync(spouse, Uniform(Medium), Ledger);
        var afterSync = Huanggang.Evaluate(in spouse, Uniform(Medium), mirror);

        (before.Outcome, before.Reasons, before.Obligations).Should().Be((beforeSync.Outcome, beforeSync.Reasons, beforeSync.Obligations));
        before.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        (after.Outcome, after.Reasons, after.Obligations).Should().Be((afterSync.Outcome, afterSync.Reasons, afterSync.Obligations));
        after.Reasons.Should().Be(AccessReasons.OutingQuotaExhausted, "the ledger holds the household's one outing");
        (await Ledger.OutingsOfAsync(household)).Should().ContainSingle();
        await FluentActions.Awaiting(async () => await Huanggang.EvaluateAsync(exit, Uniform(Medium), null!)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("outings");
    }

    private static HouseholdId NewHousehold() => HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
}

public sealed class InMemoryOutingLedgerContractTests : OutingLedgerContractTests
{
    private readonly InMemoryOutingLedger _ledger = new();

    protected override IOutingLedgerAsync Ledger => _ledger;

    [Fact]
    public async Task Prune_ForgetsTheRequestKeysOfTheOutingsItDrops()
    {
        var household = HouseholdId.From("h-prune");
        await _ledger.TryStartOutingAsync(household, Person, Noon, 1, null, "request-1");
        await _ledger.TryEndOutingAsync(household, Person, Noon + Duration.FromHours(1));
        await _ledger.TryStartOutingAsync(household, Spouse, Noon + Duration.FromHours(2), 1, null, "request-2");

        _ledger.Prune(Noon + Duration.FromMinutes(1)).Should().Be(1);
        var again = await _ledger.TryStartOutingAsync(household, Person, Noon + Duration.FromHours(3), 2, null, "request-1");
        var retry = await _ledger.TryStartOutingAsync(household, Spouse, Noon + Duration.FromHours(3), 2, null, "request-2");

        again!.Value.Start.Should().Be(Noon + Duration.FromHours(3), "the pruned outing's key no longer finds it: a new outing is recorded");
        retry!.Value.Start.Should().Be(Noon + Duration.FromHours(2), "the kept outing's key still finds it");
        (await _ledger.OutingsOfAsync(household)).Should().HaveCount(2);
    }
}

[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlOutingLedgerContractTests : OutingLedgerContractTests
{
    public PostgreSqlOutingLedgerContractTests(PostgreSqlServer server) => Ledger = new PostgreSqlOutingLedger(server.DataSource);

    protected override IOutingLedgerAsync Ledger { get; }
}
