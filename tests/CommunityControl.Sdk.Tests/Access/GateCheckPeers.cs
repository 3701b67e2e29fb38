using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Measures;
using CommunityControl.Risk;
using NRules;
using NRules.Fluent;
using RulesEngine.Models;
using EngineRule = RulesEngine.Models.Rule;

namespace CommunityControl.Access;

/// <summary>
/// The four-rule gate check of <see cref="GateCheckBaselines"/> written for the two rules engines a vendor would embed
/// instead: Microsoft RulesEngine (rules as expression strings in a workflow) and NRules (a Rete network compiled from
/// rule classes). Both read the same requests, snapshot and outing ledger as the other three versions, through a fact
/// object built per request whose properties read the request, the snapshot and the ledger when a rule asks.
/// </summary>
/// <remarks>
/// Compiled into the tests (which check that both agree with the hand-written version on the batch) and into the
/// benchmarks (which time them beside it). The engines are never a dependency of a package.
/// </remarks>
internal static class GateCheckPeers
{
    private static readonly RiskLevel High = RiskScales.ChinaLowMediumHigh["High"];

    /// <summary>The four rules as a RulesEngine workflow: each expression is what passes; a failed rule is a reason.</summary>
    public static readonly Workflow Workflow = new()
    {
        WorkflowName = "GateCheck",
        Rules = new List<EngineRule>
        {
            PeerRule(nameof(GateCheckBaselines.Failures.HighRisk), string.Create(CultureInfo.InvariantCulture, $"f.Severity != {High.Severity}")),
            PeerRule(nameof(GateCheckBaselines.Failures.HealthCode), string.Create(CultureInfo.InvariantCulture, $"f.HealthCode == {(int)HealthCodeColour.Green}")),
            PeerRule(nameof(GateCheckBaselines.Failures.Temperature), "f.Temperature != null && f.Temperature <= 37.3"),
            PeerRule(nameof(GateCheckBaselines.Failures.Quota), "f.OutingsWithinTwoDays < 1"),
        },
    };

    /// <summary>A RulesEngine over <see cref="Workflow"/>, compiled once (the engine caches compiled expressions).</summary>
    public static RulesEngine.RulesEngine CreateRulesEngine()
        => new(new[] { Workflow }, new ReSettings { CustomTypes = new[] { typeof(GateFact) } });

    /// <summary>Runs one request through the RulesEngine workflow and maps the failed rules to flags.</summary>
    public static GateCheckBaselines.Failures RulesEngineCheck(RulesEngine.RulesEngine engine, in AccessRequest request, GateCheckBaselines.Batch batch)
    {
        var fact = new GateFact(request, batch);
        var pending = engine.ExecuteAllRulesAsync(Workflow.WorkflowName, new RuleParameter("f", fact));
        var results = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        var failures = GateCheckBaselines.Failures.None;
        foreach (var result in results)
        {
            if (!result.IsSuccess)
            {
                failures |= Enum.Parse<GateCheckBaselines.Failures>(result.Rule.RuleName);
            }
        }

        return failures;
    }

    /// <summary>An NRules session factory compiled from the four rule classes below.</summary>
    public static ISessionFactory CreateNRulesFactory()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.PrivateTypes(true).NestedTypes(true).From(typeof(HighRiskRule), typeof(HealthCodeRule), typeof(TemperatureRule), typeof(QuotaRule)));
        return repository.Compile();
    }

    /// <summary>Runs one request through an NRules session (insert the fact, fire, retract) and returns its failures.</summary>
    public static GateCheckBaselines.Failures NRulesCheck(ISession session, in AccessRequest request, GateCheckBaselines.Batch batch)
    {
        var fact = new GateFact(request, batch);
        session.Insert(fact);
        session.Fire();
        session.Retract(fact);
        return fact.Failures;
    }

    private static EngineRule PeerRule(string name, string expression) => new()
    {
        RuleName = name,
        RuleExpressionType = RuleExpressionType.LambdaExpression,
        Expression = expression,
    };

    /// <summary>What a rule sees of one request: raw values, read on demand.</summary>
    public sealed class GateFact
    {
        private readonly AccessRequest _request;
        private readonly GateCheckBaselines.Batch _batch;

        public GateFact(in AccessRequest request, GateCheckBaselines.Batch batch)
        {
            _request = request;
            _batch = batch;
        }

        /// <summary>The severity of the gate's zone on the snapshot's day.</summary>
        public int Severity => _batch.Snapshot.LevelAt(_request.ZoneIndex).Severity;

        /// <summary>The health code as its numeric value.</summary>
        public int HealthCode => (int)_request.HealthCode;

        /// <summary>The reading, if any.</summary>
        public double? Temperature => _request.TemperatureCelsius;

        /// <summary>The household's outings within two days, from the ledger all versions share.</summary>
        public int OutingsWithinTwoDays => _batch.Outings.CountOutings(_request.Household, OutingWindow.Rolling(_request.At, NodaTime.Duration.FromDays(2)));

        /// <summary>The rules this request failed (written by the NRules rules).</summary>
        public GateCheckBaselines.Failures Failures { get; private set; }

        public void Fail(GateCheckBaselines.Failures failure) => Failures |= failure;
    }

    private sealed class HighRiskRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            GateFact fact = null!;
            When().Match(() => fact, f => f.Severity == GateCheckPeers.High.Severity);
            Then().Do(_ => fact.Fail(GateCheckBaselines.Failures.HighRisk));
        }
    }

    private sealed class HealthCodeRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            GateFact fact = null!;
            When().Match(() => fact, f => f.HealthCode != (int)HealthCodeColour.Green);
            Then().Do(_ => fact.Fail(GateCheckBaselines.Failures.HealthCode));
        }
    }

    private sealed class TemperatureRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            GateFact fact = null!;
            When().Match(() => fact, f => !(f.Temperature <= 37.3));
            Then().Do(_ => fact.Fail(GateCheckBaselines.Failures.Temperature));
        }
    }

    private sealed class QuotaRule : NRules.Fluent.Dsl.Rule
    {
        public override void Define()
        {
            GateFact fact = null!;
            When().Match(() => fact, f => f.OutingsWithinTwoDays >= 1);
            Then().Do(_ => fact.Fail(GateCheckBaselines.Failures.Quota));
        }
    }
}
