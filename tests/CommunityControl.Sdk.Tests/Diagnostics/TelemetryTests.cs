using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using FluentAssertions;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Diagnostics;

/// <summary>
/// Not run in parallel with other tests: the meter is process-wide, and a listener here would make another test's
/// zero-allocation check see instrumentation.
/// </summary>
[CollectionDefinition(nameof(TelemetrySerialTests), DisableParallelization = true)]
public sealed class TelemetrySerialTests
{
}

/// <summary>Metrics and activities of gate decisions, read with the fakes of Microsoft.Extensions.Diagnostics.Testing.</summary>
[Collection(nameof(TelemetrySerialTests))]
public class TelemetryTests
{
    private static readonly AccessPolicy Quota = AccessPolicy.Create(TableAt(Medium, new MeasureSet
    {
        OutingQuota = MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling),
        TemperatureCheck = new TemperatureCheck { OnExit = true },
    }));

    [Fact]
    public void Decisions_AreCountedByOutcomeAndDirection_AndReasonsByCode()
    {
        using var decisions = new MetricCollector<long>(null, CommunityControlDiagnostics.MeterName, "communitycontrol.access.decisions");
        using var reasons = new MetricCollector<long>(null, CommunityControlDiagnostics.MeterName, "communitycontrol.access.decision.reasons");
        var ledger = new InMemoryOutingLedger();
        var exit = Resident(GateDirection.Exit, at: Noon);
        var fever = exit with { TemperatureCelsius = 38.0, Person = Spouse };

        var allowed = Quota.Evaluate(in exit, Uniform(Medium), ledger);
        var denied = Quota.Evaluate(in fever, Uniform(Medium), ledger);

        allowed.IsAllowed.Should().BeTrue();
        denied.IsAllowed.Should().BeFalse();
        decisions.GetMeasurementSnapshot().Select(m => (m.Value, (string)m.Tags["communitycontrol.access.outcome"]!, (string)m.Tags["communitycontrol.access.direction"]!))
            .Should().Equal((1L, allowed.Outcome.ToString(), "Exit"), (1L, denied.Outcome.ToString(), "Exit"));
        reasons.GetMeasurementSnapshot().Select(m => (string)m.Tags["communitycontrol.access.reason"]!)
            .Should().BeEquivalentTo(AccessDecisionReasonCodes(allowed).Concat(AccessDecisionReasonCodes(denied)))
            .And.Contain(nameof(AccessReasons.FeverAboveThreshold));
    }

    [Fact]
    public void OutingQuota_GrantedAndRefused_AreCounted()
    {
        using var outings = new MetricCollector<long>(null, CommunityControlDiagnostics.MeterName, "communitycontrol.ledger.outings");
        var exit = Resident(GateDirection.Exit, at: Noon);

        Quota.EvaluateAndRecord(in exit, Uniform(Medium), new InMemoryOutingLedger()).IsAllowed.Should().BeTrue();
        var lost = Quota.EvaluateAndRecord(in exit, Uniform(Medium), new LedgerThatLosesTheRace());

        lost.Reasons.Should().HaveFlag(AccessReasons.OutingQuotaExhausted);
        outings.GetMeasurementSnapshot().Select(m => (string)m.Tags["communitycontrol.ledger.result"]!).Should().Equal("granted", "refused");
    }

    [Fact]
    public void Evaluate_StartsAnActivityTaggedWithoutPersonalData()
    {
        var stopped = new List<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == CommunityControlDiagnostics.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);
        var exit = Resident(GateDirection.Exit, at: Noon);

        var decision = Quota.Evaluate(in exit, Uniform(Medium), new InMemoryOutingLedger());

        var activity = stopped.Should().ContainSingle().Which;
        activity.OperationName.Should().Be("communitycontrol.access.evaluate");
        activity.GetTagItem("communitycontrol.access.outcome").Should().Be(decision.Outcome.ToString());
        activity.Tags.Select(t => t.Value).Should().NotContain(v => v != null && (v.Contains(Person.Value) || v.Contains(Household.Value)));
    }

    private static IEnumerable<string> AccessDecisionReasonCodes(AccessDecision decision)
        => System.Enum.GetValues(typeof(AccessReasons)).Cast<AccessReasons>()
            .Where(r => r != AccessReasons.None && decision.Reasons.HasFlag(r))
            .Select(r => r.ToString());

    /// <summary>A ledger whose quota another gate has just taken: every check passes, every recording is refused.</summary>
    private sealed class LedgerThatLosesTheRace : IOutingLedger
    {
        private readonly InMemoryOutingLedger _inner = new();

        public int CountOutings(HouseholdId household, OutingWindow window) => _inner.CountOutings(household, window);

        public int CountOpenOutings(HouseholdId household) => _inner.CountOpenOutings(household);

        public bool TryGetOpenOuting(HouseholdId household, PersonId person, out Outing outing) => _inner.TryGetOpenOuting(household, person, out outing);

        public bool TryStartOuting(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, out Outing outing)
        {
            outing = default;
            return false;
        }

        public bool TryEndOuting(HouseholdId household, PersonId person, Instant at, out Outing outing) => _inner.TryEndOuting(household, person, at, out outing);

        public IReadOnlyList<Outing> OutingsOf(HouseholdId household) => _inner.OutingsOf(household);
    }
}
