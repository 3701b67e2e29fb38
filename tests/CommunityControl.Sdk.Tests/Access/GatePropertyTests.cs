using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CsCheck;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>
/// The gate's whole request space, by CsCheck: every enum value including undefined ones, NaN, ±∞ and absurd readings,
/// instants from the ends of time to the snapshot's day. The contract: a decision or an <see cref="ArgumentException"/>
/// exactly when the request is invalid; never an allow on an implausible reading or under centralized quarantine; no
/// grant-only obligation on a denial. Bounded (single thread, a few thousand requests) to stay fast in CI.
/// </summary>
public class GatePropertyTests
{
    private const long Iterations = 3_000;

    private static readonly AccessPolicy[] Policies =
    {
        AccessPolicy.Create(PolicyEditions.China.NinthEdition.Measures!),
        AccessPolicy.Create(TableAt(Medium, new MeasureSet
        {
            StayInArea = new StayInArea(),
            OutingQuota = MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling),
            NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020"),
            HealthCodeCheck = new HealthCodeCheck { OnExit = true },
        })),
    };

    private static readonly RiskLevel[] Levels = { RiskLevel.None, Low, Medium, High };

    private static readonly Gen<double?> Temperatures = Gen.OneOf(
        Gen.OneOf<double?>(null, double.NaN, double.PositiveInfinity, double.NegativeInfinity, 20, 80, 33.9999, 43.0001, -273.15, double.MaxValue),
        Gen.Double[30, 46].Select(t => (double?)t));

    private static readonly Gen<Instant> Instants = Gen.OneOf(
        Gen.OneOf(Instant.MinValue, Instant.MaxValue, Local(0, 0), Local(23, 59, 59), Local(0, 0, 0, dayOffset: 1), Local(0, 0) - Duration.Epsilon),
        Gen.Int[-3 * 24 * 60, 3 * 24 * 60].Select(minutes => Noon + Duration.FromMinutes(minutes)));

    private static readonly Gen<AccessRequest> Requests =
        Gen.Select(Gen.Int[-1, 4], Gen.Int[-1, 3], Gen.Int[-1, 5], Gen.Int[-1, 12], Gen.Int[-1, 13], Temperatures, Instants, (zone, direction, category, role, purpose, temperature, at) => new AccessRequest
        {
            ZoneIndex = zone,
            Direction = (GateDirection)direction,
            Category = (PersonCategory)category,
            Operator = (Role)role,
            Purpose = (OutingPurpose)purpose,
            TemperatureCelsius = temperature,
            At = at,
            Person = Person,
            Household = Household,
        })
        .Select(Gen.Int[-1, 5], Gen.Int[-1, 6], Gen.Int[-1, 9], Gen.Int[-1, 7], Gen.Bool, Gen.Bool, (r, code, status, exposure, venue, pass, refuses) => r with
        {
            HealthCode = (HealthCodeColour)code,
            Status = (MonitoringStatus)status,
            Exposure = (ExposureCategory)exposure,
            Venue = (VenueKind)venue,
            HasPass = pass,
            RefusesOrder = refuses,
        });

    [Fact]
    public void Evaluate_AnyRequest_KeepsTheDocumentedContract()
    {
        Gen.Select(Requests, Gen.Int[0, Policies.Length - 1], Gen.Int[0, Levels.Length - 1])
            .Sample((request, p, l) => Check(request, Policies[p], Levels[l]), iter: Iterations, threads: 1);
    }

    /// <summary>Failing seeds and the requests they found, kept as regression cases.</summary>
    [Fact]
    public void Evaluate_RegressionCases_KeepTheContract()
    {
        var visitorLeavingUnderQuarantine = Visitor() with { Direction = GateDirection.Exit, Status = MonitoringStatus.CentralizedQuarantine };
        var nanWithoutCheck = Resident(GateDirection.Exit) with { TemperatureCelsius = double.NaN };
        var endOfTime = Resident(GateDirection.Exit, at: Instant.MaxValue);
        foreach (var request in new[] { visitorLeavingUnderQuarantine, nanWithoutCheck, endOfTime })
        {
            foreach (var policy in Policies)
            {
                foreach (var level in Levels)
                {
                    Check(request, policy, level);
                }
            }
        }
    }

    private static void Check(AccessRequest request, AccessPolicy policy, RiskLevel level)
    {
        var valid = IsValid(request);
        AccessDecision decision;
        try
        {
            decision = policy.Evaluate(in request, Uniform(level), new InMemoryOutingLedger());
        }
        catch (ArgumentException)
        {
            valid.Should().BeFalse($"a valid request was refused: {request} at severity {level.Severity}");
            return;
        }

        valid.Should().BeTrue($"an invalid request was decided: {request}");
        if (request.TemperatureCelsius is { } t && !(t >= 34.0 && t <= 43.0))
        {
            decision.IsAllowed.Should().BeFalse($"{t} °C is implausible");
        }

        if (request.Status == MonitoringStatus.CentralizedQuarantine)
        {
            decision.IsAllowed.Should().BeFalse("centralized quarantine passes nowhere");
        }

        if (!decision.IsAllowed && decision.Outcome == AccessOutcome.Deny)
        {
            (decision.Obligations & (AccessObligations.EscortToPickupPoint | AccessObligations.ArrangeDedicatedVehicle | AccessObligations.RecordOuting))
                .Should().Be(AccessObligations.None, "a denial carries no grant-only obligation");
        }
    }

    private static bool IsValid(AccessRequest r)
        => r.ZoneIndex >= 0 && r.ZoneIndex < Tree.Count
            && r.Direction is GateDirection.Entry or GateDirection.Exit
            && r.Category is PersonCategory.Resident or PersonCategory.Visitor or PersonCategory.Courier or PersonCategory.Staff
            && Enum.IsDefined(r.Operator) && Enum.IsDefined(r.Purpose) && Enum.IsDefined(r.HealthCode) && Enum.IsDefined(r.Status)
            && Enum.IsDefined(r.Exposure) && Enum.IsDefined(r.Venue)
            && Math.Abs((r.At - Noon).TotalDays) < 2 && r.At.InZone(Shanghai).Date == Date;
}
