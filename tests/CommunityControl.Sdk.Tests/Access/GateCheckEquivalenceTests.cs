using System.Linq;
using CommunityControl.Access;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Access;

/// <summary>
/// The benchmark's five versions of the four-rule gate check (our policy from JSON, the hand-written lower bound, the
/// naive LINQ version, Microsoft RulesEngine and NRules) return the same decisions on the same 1,000 requests.
/// </summary>
public class GateCheckEquivalenceTests
{
    [Fact]
    public void AllFive_ReturnTheSameDecisions_OnTheSame1000Requests()
    {
        var batch = GateCheckBaselines.CreateBatch(1000, seed: 42);
        var policy = AccessPolicyJson.Parse(GateCheckBaselines.PolicyJson);
        var engine = GateCheckPeers.CreateRulesEngine();
        var session = GateCheckPeers.CreateNRulesFactory().CreateSession();

        var mismatches = batch.Requests.Select((request, i) =>
        {
            var ours = GateCheckBaselines.FromDecision(policy.Evaluate(in request, batch.Snapshot, batch.Outings));
            var handWritten = GateCheckBaselines.HandWritten(in request, batch.Snapshot, batch.Outings);
            var naive = GateCheckBaselines.FromNaive(GateCheckBaselines.Naive(request, batch.Snapshot, batch.Outings));
            var rulesEngine = GateCheckPeers.RulesEngineCheck(engine, in request, batch);
            var nrules = GateCheckPeers.NRulesCheck(session, in request, batch);
            return (i, ours, handWritten, naive, rulesEngine, nrules);
        })
        .Where(x => x.ours != x.handWritten || x.naive != x.handWritten || x.rulesEngine != x.handWritten || x.nrules != x.handWritten)
        .ToList();

        mismatches.Should().BeEmpty();
    }

    [Fact]
    public void Batch_IsMixed_AllowedAndDeniedForEachReason_WithTheBoundaries()
    {
        var batch = GateCheckBaselines.CreateBatch(1000, seed: 42);
        var failures = batch.Requests.Select(r => GateCheckBaselines.HandWritten(in r, batch.Snapshot, batch.Outings)).ToList();

        failures.Should().Contain(GateCheckBaselines.Failures.None);
        foreach (var single in new[] { GateCheckBaselines.Failures.HighRisk, GateCheckBaselines.Failures.HealthCode, GateCheckBaselines.Failures.Temperature, GateCheckBaselines.Failures.Quota })
        {
            failures.Should().Contain(single, "each reason is denied on its own at least once");
        }

        batch.Requests.Select(r => r.TemperatureCelsius).Should().Contain(new double?[] { 37.2, 37.3, 37.4 });
        batch.Requests.Should().Contain(r => r.Household.Value == "bench-h-001", "a household whose last outing was exactly 48 h ago");
        batch.Requests.Should().Contain(r => r.Household.Value == "bench-h-002", "a household whose last outing was 47:59 h ago");
    }
}
