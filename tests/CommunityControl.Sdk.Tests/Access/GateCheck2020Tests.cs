using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>GateCheck_2020 (cn-policy §6.12) and the gate rules of §2, with Wuhan's and Beijing's gates as data.</summary>
public class GateCheck2020Tests
{
    private static readonly AccessPolicy Wuhan = AccessPolicy.Create(TableAt(High, MeasureFragments.GetGate("wuhan-2020-02")));
    private static readonly AccessPolicy Beijing = AccessPolicy.Create(TableAt(High, MeasureFragments.GetGate("beijing-2020-02")));
    private static readonly AccessPolicy Zhuhai = AccessPolicy.Create(TableAt(High, MeasureFragments.GetGate("zhuhai-2020-03")));
    private static readonly AccessPolicy Daqing = AccessPolicy.Create(TableAt(High, MeasureFragments.GetGate("daqing-2020-03")));

    [Theory]
    [InlineData(37.2, true)]
    [InlineData(37.3, true)]
    [InlineData(37.4, false)]
    [InlineData(39.0, false)]
    public void Evaluate_Temperature_AboveThirtySevenPointThreeIsDeniedAndReported(double celsius, bool admitted)
    {
        var request = Resident(GateDirection.Entry) with { TemperatureCelsius = celsius };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.IsAllowed.Should().Be(admitted);
        decision.Has(AccessReasons.FeverAboveThreshold).Should().Be(!admitted);
        decision.Requires(AccessObligations.ReportFeverToCommunity).Should().Be(!admitted);
        if (admitted)
        {
            decision.Outcome.Should().Be(AccessOutcome.AllowWithObligations, "Wuhan registers everyone (测温、登记、审核放行)");
            decision.Obligations.Should().Be(AccessObligations.Register);
        }
        else
        {
            decision.Outcome.Should().Be(AccessOutcome.Deny);
        }
    }

    [Theory]
    [MemberData(nameof(GateFixture.Implausible), MemberType = typeof(GateFixture))]
    public void Evaluate_ImplausibleReading_AsksForARemeasure_NeverAnAllowNeverAnException(double celsius)
    {
        var request = Resident(GateDirection.Entry) with { TemperatureCelsius = celsius };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.Outcome.Should().Be(AccessOutcome.Deny);
        decision.Reasons.Should().Be(AccessReasons.TemperatureImplausible);
        decision.Requires(AccessObligations.Remeasure).Should().BeTrue("an implausible reading asks for a re-measure");
        decision.Has(AccessReasons.FeverAboveThreshold).Should().BeFalse("80 °C is a faulty reading, not a fever");
    }

    [Fact]
    public void Evaluate_NoReading_AsksForAMeasurement()
    {
        var request = Resident(GateDirection.Entry) with { TemperatureCelsius = null };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.Outcome.Should().Be(AccessOutcome.Deny);
        decision.Reasons.Should().Be(AccessReasons.TemperatureNotMeasured);
        decision.Requires(AccessObligations.Remeasure).Should().BeTrue("a missing reading asks for a measurement");
    }

    [Fact]
    public void Evaluate_VisitorWithoutSpecialReason_IsDeniedInWuhan_AndRegisteredIfSpecialInBeijing()
    {
        var ordinary = Visitor();
        var special = Visitor(OutingPurpose.Emergency);

        Wuhan.Evaluate(in ordinary, Uniform(High)).Reasons.Should().Be(AccessReasons.VisitorBarred);
        Beijing.Evaluate(in ordinary, Uniform(High)).Reasons.Should().Be(AccessReasons.VisitorBarred);
        var admitted = Beijing.Evaluate(in special, Uniform(High));
        admitted.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        admitted.Obligations.Should().Be(AccessObligations.Register);
    }

    [Fact]
    public void Evaluate_Courier_HandsOverAtTheGateIn2020February_AndReachesTheLockersInZhuhaiAfterRegistration()
    {
        var courier = Courier();

        var wuhan = Wuhan.Evaluate(in courier, Uniform(High));
        var zhuhai = Zhuhai.Evaluate(in courier, Uniform(High));

        wuhan.Outcome.Should().Be(AccessOutcome.Deny);
        wuhan.Reasons.Should().Be(AccessReasons.CourierHandOverOnly);
        wuhan.Requires(AccessObligations.HandOverAtDesignatedPoint).Should().BeTrue("couriers hand over at the designated point in Wuhan");
        zhuhai.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        zhuhai.Obligations.Should().Be(AccessObligations.Register | AccessObligations.HandOverAtDesignatedPoint);
    }

    [Theory]
    [InlineData(OutingPurpose.Shopping, false)]
    [InlineData(OutingPurpose.Unstated, false)]
    [InlineData(OutingPurpose.MedicalCare, true)]
    [InlineData(OutingPurpose.EpidemicWork, true)]
    [InlineData(OutingPurpose.EssentialServiceWork, true)]
    public void Evaluate_ResidentGoingOutInWuhan20200214_OnlyForMedicalCareOrAPost(OutingPurpose purpose, bool allowed)
    {
        var request = Resident(GateDirection.Exit, purpose);

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.IsAllowed.Should().Be(allowed);
        decision.Has(AccessReasons.ExitPurposeNotAllowed).Should().Be(!allowed);
    }

    [Fact]
    public void Evaluate_ResidentWithoutPass_IsDeniedWhereAPassIsRequired()
    {
        var request = Resident(GateDirection.Entry) with { HasPass = false };

        Beijing.Evaluate(in request, Uniform(High)).Reasons.Should().Be(AccessReasons.PassMissing);
        Wuhan.Evaluate(in request, Uniform(High)).IsAllowed.Should().BeTrue("Wuhan's gate preset states no pass");
    }

    [Fact]
    public void Evaluate_SeveralViolations_ReportsEveryReason()
    {
        var request = Visitor() with { TemperatureCelsius = 38.2, HealthCode = HealthCodeColour.Red };

        var decision = Daqing.Evaluate(in request, Uniform(High));

        decision.Reasons.Should().Be(AccessReasons.VisitorNotConfirmed | AccessReasons.FeverAboveThreshold | AccessReasons.HealthCodeNotAccepted);
        decision.Obligations.Should().Be(AccessObligations.ReportFeverToCommunity | AccessObligations.Register);
    }

    [Fact]
    public void Evaluate_VisitorConfirmedByAResident_IsAdmittedAndRegistered_Daqing()
    {
        var request = Visitor() with { ConfirmedByResident = true };

        var decision = Daqing.Evaluate(in request, Uniform(High));

        decision.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        decision.Obligations.Should().Be(AccessObligations.Register);
        (Daqing.Evaluate(Visitor() with { ConfirmedByResident = true, HealthCode = HealthCodeColour.Unknown }, Uniform(High)).Reasons)
            .Should().Be(AccessReasons.HealthCodeMissing);
    }

    [Fact]
    public void Evaluate_LevelWithoutMeasures_Allows_AndNeedsNoPermission()
    {
        var request = Visitor() with { Operator = Role.Unknown, TemperatureCelsius = null };

        var decision = Wuhan.Evaluate(in request, Uniform(Low));

        decision.Outcome.Should().Be(AccessOutcome.Allow);
        decision.Reasons.Should().Be(AccessReasons.None);
        decision.Level.Should().Be(Low);
    }

    [Fact]
    public void Evaluate_OperatorWithoutAnyRole_Escalates()
    {
        var request = Visitor() with { Operator = Role.Unknown };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.Outcome.Should().Be(AccessOutcome.Escalate);
        decision.MissingPermissions.Should().Be(Permissions.Check | Permissions.Register | Permissions.DenyEntry);
        decision.EscalateTo.Should().HaveFlag(Roles.CommunityWorker);
    }

    [Fact]
    public void Evaluate_SnapshotDesignatingOneCompound_AppliesItsLevelOnlyThere()
    {
        var snapshot = CommunityControl.Risk.RiskSnapshot.Create(Tree, Date, CommunityControl.Risk.RiskScales.ChinaLowMediumHigh,
            new[] { new System.Collections.Generic.KeyValuePair<CommunityControl.Zones.ZoneId, CommunityControl.Risk.RiskLevel>(CommunityControl.Zones.ZoneId.From("c1-a"), High) }, Low);
        var atA = Visitor();
        var atB = Visitor() with { ZoneIndex = Tree.GetIndex(CommunityControl.Zones.ZoneId.From("c1-b")) };

        Wuhan.Evaluate(in atA, snapshot).Reasons.Should().Be(AccessReasons.VisitorBarred);
        Wuhan.Evaluate(in atB, snapshot).Outcome.Should().Be(AccessOutcome.Allow);
    }
}
