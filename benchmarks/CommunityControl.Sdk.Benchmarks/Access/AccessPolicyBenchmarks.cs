using System;
using BenchmarkDotNet.Attributes;
using CommunityControl.Access;
using CommunityControl.Serialization;
using NodaTime;

namespace CommunityControl.Benchmarks.Access;

/// <summary>
/// The four-rule gate check (compound not High; health code green; temperature not above 37.3 °C; fewer than 1 outing
/// by the household within 2 days), side by side on one mixed batch of 1,000 requests: <see cref="AccessPolicy"/>
/// configured from JSON, a hand-written method returning flags (the lower bound), and a typical naive version building a
/// List&lt;string&gt; with LINQ, and the two rules engines a vendor would embed instead (Microsoft RulesEngine 6.0.1 with
/// the rules as expression strings, NRules 1.0.4 with rule classes compiled into a Rete network, one session reused).
/// All five read the same requests, snapshot and outing ledger; the policy and the bound make the same ledger call per
/// request, timed alone as "Ledger count alone". Targets: 0 B per decision, within 2× of the hand-written
/// bound, at least 10× faster than the naive version. The setup checks that all five agree on every request (the unit
/// test GateCheckEquivalenceTests checks the same batch).
/// </summary>
[MemoryDiagnoser]
public class AccessPolicyBenchmarks
{
    private const int Count = 1000;
    private static readonly Duration TwoDays = Duration.FromDays(2);
    private GateCheckBaselines.Batch _batch = null!;
    private AccessPolicy _policy = null!;
    private RulesEngine.RulesEngine _rulesEngine = null!;
    private NRules.ISession _session = null!;

    [GlobalSetup]
    public void Setup()
    {
        _batch = GateCheckBaselines.CreateBatch(Count, seed: 42);
        _policy = AccessPolicyJson.Parse(GateCheckBaselines.PolicyJson);
        _rulesEngine = GateCheckPeers.CreateRulesEngine();
        _session = GateCheckPeers.CreateNRulesFactory().CreateSession();
        for (var i = 0; i < Count; i++)
        {
            ref readonly var r = ref _batch.Requests[i];
            var hand = GateCheckBaselines.HandWritten(in r, _batch.Snapshot, _batch.Outings);
            var ours = GateCheckBaselines.FromDecision(_policy.Evaluate(in r, _batch.Snapshot, _batch.Outings));
            var naive = GateCheckBaselines.FromNaive(GateCheckBaselines.Naive(r, _batch.Snapshot, _batch.Outings));
            var rulesEngine = GateCheckPeers.RulesEngineCheck(_rulesEngine, in r, _batch);
            var nrules = GateCheckPeers.NRulesCheck(_session, in r, _batch);
            if (ours != hand || naive != hand || rulesEngine != hand || nrules != hand)
            {
                throw new InvalidOperationException($"Request {i}: policy {ours}, hand-written {hand}, naive {naive}, RulesEngine {rulesEngine}, NRules {nrules}.");
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Count, Description = "Hand-written flags (lower bound)")]
    public int HandWritten()
    {
        var requests = _batch.Requests;
        var snapshot = _batch.Snapshot;
        var outings = _batch.Outings;
        var denied = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            if (GateCheckBaselines.HandWritten(in requests[i], snapshot, outings) != GateCheckBaselines.Failures.None)
            {
                denied++;
            }
        }

        return denied;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "AccessPolicy from JSON")]
    public int Policy()
    {
        var requests = _batch.Requests;
        var snapshot = _batch.Snapshot;
        var outings = _batch.Outings;
        var denied = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            if (!_policy.Evaluate(in requests[i], snapshot, outings).IsAllowed)
            {
                denied++;
            }
        }

        return denied;
    }

    /// <summary>
    /// The part both the policy and the hand-written bound spend in the outing ledger: the household's count of outings in
    /// the 2-day rolling window, once per request (High-level requests included: the policy reports every violated rule,
    /// so it counts there too). Subtracted from both, it leaves the work of the rules themselves.
    /// </summary>
    [Benchmark(OperationsPerInvoke = Count, Description = "Ledger count alone (in both)")]
    public int LedgerCount()
    {
        var requests = _batch.Requests;
        var outings = _batch.Outings;
        var counted = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            ref readonly var r = ref requests[i];
            counted += outings.CountOutings(r.Household, OutingWindow.Rolling(r.At, TwoDays));
        }

        return counted;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Naive List<string> + LINQ")]
    public int Naive()
    {
        var requests = _batch.Requests;
        var snapshot = _batch.Snapshot;
        var outings = _batch.Outings;
        var denied = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            if (GateCheckBaselines.Naive(requests[i], snapshot, outings).Count != 0)
            {
                denied++;
            }
        }

        return denied;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "Microsoft RulesEngine 6.0.1")]
    public int RulesEngine()
    {
        var requests = _batch.Requests;
        var denied = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            if (GateCheckPeers.RulesEngineCheck(_rulesEngine, in requests[i], _batch) != GateCheckBaselines.Failures.None)
            {
                denied++;
            }
        }

        return denied;
    }

    [Benchmark(OperationsPerInvoke = Count, Description = "NRules 1.0.4")]
    public int NRules()
    {
        var requests = _batch.Requests;
        var denied = 0;
        for (var i = 0; i < requests.Length; i++)
        {
            if (GateCheckPeers.NRulesCheck(_session, in requests[i], _batch) != GateCheckBaselines.Failures.None)
            {
                denied++;
            }
        }

        return denied;
    }
}
