using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// The four-rule gate check of issue 4's benchmark, written three ways over the same inputs, plus the shared batch:
/// (1) the compound is not High; (2) the health code is green; (3) the temperature is not above 37.3 °C (the
/// policy's semantics: 37.3 passes, 37.4 does not); (4) the household has fewer than 1 outing within 2 days (counted by
/// <see cref="IOutingLedger.CountOutings"/>, the same call in all three).
/// </summary>
/// <remarks>
/// Internal, and in the library only so that the unit test (which checks that all three agree on the batch) and the
/// benchmark (which times them on the same batch) compile the very same code without a file shared between project
/// files. Nothing public uses it.
/// </remarks>
internal static class GateCheckBaselines
{
    /// <summary>The four rules as a document for <see cref="AccessPolicyJson"/>: the policy under test is configured from data.</summary>
    public const string PolicyJson = """
        {
          "measures": {
            "edition": "benchmark-four-rules",
            "scale": "cn-low-medium-high",
            "levels": {
              "Normal": { "temperatureCheck": { "reportAboveCelsius": 37.3, "onEntry": false, "onExit": true }, "healthCodeCheck": { "accepted": ["Green"], "onEntry": false, "onExit": true }, "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling" } },
              "Low":    { "temperatureCheck": { "reportAboveCelsius": 37.3, "onEntry": false, "onExit": true }, "healthCodeCheck": { "accepted": ["Green"], "onEntry": false, "onExit": true }, "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling" } },
              "Medium": { "temperatureCheck": { "reportAboveCelsius": 37.3, "onEntry": false, "onExit": true }, "healthCodeCheck": { "accepted": ["Green"], "onEntry": false, "onExit": true }, "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling" } },
              "High":   { "temperatureCheck": { "reportAboveCelsius": 37.3, "onEntry": false, "onExit": true }, "healthCodeCheck": { "accepted": ["Green"], "onEntry": false, "onExit": true }, "outingQuota": { "persons": 1, "interval": "P2D", "window": "Rolling" }, "stayHome": { "exitPurposes": [] } }
            }
          }
        }
        """;

    private static readonly Duration TwoDays = Duration.FromDays(2);
    private static readonly RiskLevel High = RiskScales.ChinaLowMediumHigh["High"];

    private static readonly NaiveRule[] NaiveRules =
    {
        new("Compound is a high-risk area", c => c.Snapshot.Scale.Describe(c.Snapshot.LevelAt(c.Request.ZoneIndex)).Code != "High"),
        new("Health code is not green", c => c.Request.HealthCode.ToString() == "Green"),
        new("Temperature above 37.3 °C", c => c.Request.TemperatureCelsius.HasValue && c.Request.TemperatureCelsius.Value <= 37.3),
        new("Household went out in the last 2 days", c => c.Outings.CountOutings(c.Request.Household, OutingWindow.Rolling(c.Request.At, Duration.FromDays(2))) < 1),
    };

    /// <summary>The rules a request failed, one bit each.</summary>
    [Flags]
    public enum Failures
    {
        None = 0,
        HighRisk = 1,
        HealthCode = 2,
        Temperature = 4,
        Quota = 8,
    }

    /// <summary>The lower bound: the four rules written by hand, returning flags.</summary>
    public static Failures HandWritten(in AccessRequest request, RiskSnapshot snapshot, IOutingLedger outings)
    {
        var failures = Failures.None;
        if (snapshot.LevelAt(request.ZoneIndex) == High)
        {
            failures |= Failures.HighRisk;
        }

        if (request.HealthCode != HealthCodeColour.Green)
        {
            failures |= Failures.HealthCode;
        }

        if (!(request.TemperatureCelsius <= 37.3))
        {
            failures |= Failures.Temperature;
        }

        if (outings.CountOutings(request.Household, OutingWindow.Rolling(request.At, TwoDays)) >= 1)
        {
            failures |= Failures.Quota;
        }

        return failures;
    }

    /// <summary>A typical naive version: a list of rule objects filtered with LINQ into a list of reason strings.</summary>
    public static List<string> Naive(AccessRequest request, RiskSnapshot snapshot, IOutingLedger outings)
    {
        var context = new NaiveContext(request, snapshot, outings);
        return NaiveRules
            .Where(rule => !rule.Passes(context))
            .Select(rule => $"{rule.Message} (zone {snapshot.Tree.IdAt(request.ZoneIndex)}, {request.At.ToString(null, CultureInfo.InvariantCulture)})")
            .ToList();
    }

    /// <summary>Maps the naive reasons to flags.</summary>
    public static Failures FromNaive(List<string> reasons)
    {
        var failures = Failures.None;
        foreach (var r in reasons)
        {
            for (var i = 0; i < NaiveRules.Length; i++)
            {
                if (r.StartsWith(NaiveRules[i].Message, StringComparison.Ordinal))
                {
                    failures |= (Failures)(1 << i);
                }
            }
        }

        return failures;
    }

    /// <summary>Maps a decision of the policy to flags; <see langword="null"/> when it reports a reason outside the four rules.</summary>
    public static Failures? FromDecision(AccessDecision decision)
    {
        var failures = Failures.None;
        var reasons = decision.Reasons;
        if ((reasons & AccessReasons.StayHomeOrder) != 0)
        {
            failures |= Failures.HighRisk;
        }

        if ((reasons & (AccessReasons.HealthCodeMissing | AccessReasons.HealthCodeNotAccepted)) != 0)
        {
            failures |= Failures.HealthCode;
        }

        if ((reasons & (AccessReasons.FeverAboveThreshold | AccessReasons.TemperatureNotMeasured | AccessReasons.TemperatureImplausible)) != 0)
        {
            failures |= Failures.Temperature;
        }

        if ((reasons & AccessReasons.OutingQuotaExhausted) != 0)
        {
            failures |= Failures.Quota;
        }

        const AccessReasons known = AccessReasons.StayHomeOrder | AccessReasons.HealthCodeMissing | AccessReasons.HealthCodeNotAccepted
            | AccessReasons.FeverAboveThreshold | AccessReasons.TemperatureNotMeasured | AccessReasons.TemperatureImplausible | AccessReasons.OutingQuotaExhausted;
        var consistent = (reasons & ~known) == 0 && decision.IsAllowed == (failures == Failures.None) && decision.Outcome != AccessOutcome.Escalate;
        return consistent ? failures : null;
    }

    /// <summary>
    /// Builds the mixed batch: residents going out to shop from 20 compounds (5 High, 5 Medium, 10 Low) at one instant,
    /// with temperatures 36.5, 37.2, 37.3, 37.4 and 38.5 °C, green, yellow, red or no codes, and 200 households whose last
    /// outing was 1 h, exactly 48 h, 47:59 h ago or never. Plausible readings only: an implausible one is a fifth rule.
    /// </summary>
    public static Batch CreateBatch(int count, int seed)
    {
        var builder = new ZoneTreeBuilder().Add("bench-c", ZoneKind.Community);
        for (var i = 0; i < 20; i++)
        {
            builder.Add($"bench-c-{i:D2}", ZoneKind.Compound, parent: "bench-c", gates: 1, households: 10);
        }

        var tree = builder.Build();
        var designations = new List<KeyValuePair<ZoneId, RiskLevel>>();
        for (var i = 0; i < 10; i++)
        {
            designations.Add(new KeyValuePair<ZoneId, RiskLevel>(ZoneId.From($"bench-c-{i:D2}"), RiskScales.ChinaLowMediumHigh[i < 5 ? "High" : "Medium"]));
        }

        var at = Instant.FromUtc(2022, 7, 1, 4, 0);
        var snapshot = RiskSnapshot.Create(tree, new LocalDate(2022, 7, 1), RiskScales.ChinaLowMediumHigh, designations, RiskScales.ChinaLowMediumHigh["Low"]);
        var ledger = new InMemoryOutingLedger();
        var households = new HouseholdId[200];
        var before = new[] { Duration.FromHours(1), Duration.FromHours(48), Duration.FromHours(48) - Duration.FromMinutes(1) };
        for (var h = 0; h < households.Length; h++)
        {
            households[h] = HouseholdId.From($"bench-h-{h:D3}");
            if (h % 4 < 3)
            {
                ledger.TryStartOuting(households[h], PersonId.From($"bench-h-{h:D3}-b"), at - before[h % 4], 1, OutingWindow.Rolling(at - before[h % 4], TwoDays), out _);
            }
        }

        var temperatures = new[] { 36.5, 37.2, 37.3, 37.4, 38.5 };
        var codes = new[] { HealthCodeColour.Green, HealthCodeColour.Green, HealthCodeColour.Green, HealthCodeColour.Green, HealthCodeColour.Yellow, HealthCodeColour.Red, HealthCodeColour.Unknown };
        var random = new Random(seed);
        var requests = new AccessRequest[count];
        for (var i = 0; i < count; i++)
        {
            var h = random.Next(households.Length);
            requests[i] = new AccessRequest
            {
                ZoneIndex = 1 + random.Next(20),
                Direction = GateDirection.Exit,
                At = at,
                Person = PersonId.From($"bench-h-{h:D3}-a"),
                Household = households[h],
                Category = PersonCategory.Resident,
                Operator = Role.CommunityWorker,
                Purpose = OutingPurpose.Shopping,
                TemperatureCelsius = temperatures[random.Next(temperatures.Length)],
                HealthCode = codes[random.Next(codes.Length)],
            };
        }

        return new Batch(requests, snapshot, ledger);
    }

    /// <summary>The inputs all three read.</summary>
    internal sealed class Batch
    {
        public Batch(AccessRequest[] requests, RiskSnapshot snapshot, IOutingLedger outings)
        {
            Requests = requests;
            Snapshot = snapshot;
            Outings = outings;
        }

        public AccessRequest[] Requests { get; }

        public RiskSnapshot Snapshot { get; }

        public IOutingLedger Outings { get; }
    }

    private sealed class NaiveContext
    {
        public NaiveContext(AccessRequest request, RiskSnapshot snapshot, IOutingLedger outings)
        {
            Request = request;
            Snapshot = snapshot;
            Outings = outings;
        }

        public AccessRequest Request { get; }

        public RiskSnapshot Snapshot { get; }

        public IOutingLedger Outings { get; }
    }

    private sealed class NaiveRule
    {
        public NaiveRule(string message, Func<NaiveContext, bool> passes)
        {
            Message = message;
            Passes = passes;
        }

        public string Message { get; }

        public Func<NaiveContext, bool> Passes { get; }
    }
}
