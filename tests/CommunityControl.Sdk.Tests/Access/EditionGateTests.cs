using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>The built-in tables of the ninth edition, the twenty and the ten measures at the gate (cn-policy §1d–1f, §6.6–6.8).</summary>
public class EditionGateTests
{
    private static readonly AccessPolicy Ninth = AccessPolicy.Create(PolicyEditions.Get("cn-2022-06-ninth-edition").Measures!);
    private static readonly AccessPolicy Ten = AccessPolicy.Create(PolicyEditions.Get("cn-2022-12-ten-measures").Measures!);

    [Fact]
    public void High_StayHome_ResidentsStayIn_VisitorsAndCouriersStayOut_StaffPass()
    {
        var shopping = Resident(GateDirection.Exit);
        var visitor = Visitor();
        var courier = Courier();
        var staff = Visitor(OutingPurpose.EpidemicWork) with { Category = PersonCategory.Staff };

        Ninth.Evaluate(in shopping, Uniform(High)).Reasons.Should().Be(AccessReasons.StayHomeOrder);
        Ninth.Evaluate(in visitor, Uniform(High)).Reasons.Should().Be(AccessReasons.StayHomeOrder);
        Ninth.Evaluate(in courier, Uniform(High)).Reasons.Should().Be(AccessReasons.CourierHandOverOnly);
        Ninth.Evaluate(in staff, Uniform(High)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Fact]
    public void High_EmergencyExit_NeedsTheCommunitysApproval_ThenADedicatedVehicle()
    {
        var withoutApproval = Resident(GateDirection.Exit, OutingPurpose.MedicalCare);
        var approved = withoutApproval with { HasExitApproval = true };

        Ninth.Evaluate(in withoutApproval, Uniform(High)).Reasons.Should().Be(AccessReasons.ExitNeedsApproval);
        var decision = Ninth.Evaluate(in approved, Uniform(High));
        decision.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        decision.Obligations.Should().Be(AccessObligations.Register | AccessObligations.ArrangeDedicatedVehicle);
    }

    [Fact]
    public void Medium_StayInArea_PickupIsEscorted_OtherOutingsRefused()
    {
        var pickup = Resident(GateDirection.Exit, OutingPurpose.SupplyPickup);
        var shopping = Resident(GateDirection.Exit);

        var decision = Ninth.Evaluate(in pickup, Uniform(Medium));

        decision.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        decision.Obligations.Should().Be(AccessObligations.EscortToPickupPoint);
        Ninth.Evaluate(in shopping, Uniform(Medium)).Reasons.Should().Be(AccessReasons.StayInAreaOrder);
    }

    [Theory]
    [InlineData(48 * 60, true)]
    [InlineData((48 * 60) + 1, false)]
    [InlineData(0, true)]
    public void Low_LeavingTheCity_NeedsANegativeTestWithin48Hours(int minutesSinceSampling, bool allowed)
    {
        var request = Resident(GateDirection.Exit, OutingPurpose.LeaveCity) with { NegativeTestSampledAt = Noon - Duration.FromMinutes(minutesSinceSampling) };

        var decision = Ninth.Evaluate(in request, Uniform(Low));

        decision.IsAllowed.Should().Be(allowed);
        decision.Has(AccessReasons.NegativeTestMissing).Should().Be(!allowed);
    }

    [Fact]
    public void Low_LeavingTheCityWithoutATest_IsRefused_OtherOutingsNeedNone()
    {
        var leave = Resident(GateDirection.Exit, OutingPurpose.LeaveCity);
        var shop = Resident(GateDirection.Exit);

        Ninth.Evaluate(in leave, Uniform(Low)).Reasons.Should().Be(AccessReasons.NegativeTestMissing);
        Ninth.Evaluate(in shop, Uniform(Low)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Fact]
    public void Arrival_SevenDayHistoryInAHighRiskArea_CentralizedQuarantine_EscalatesToTheCdc()
    {
        var arrival = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromHighRiskArea, ExposureEndedAt = Noon - Duration.FromDays(2) };
        var byCdc = arrival with { Operator = Role.Cdc };

        var decision = Ninth.Evaluate(in arrival, Uniform(Low));
        var cdc = Ninth.Evaluate(in byCdc, Uniform(Low));

        decision.Outcome.Should().Be(AccessOutcome.Escalate);
        decision.Reasons.Should().Be(AccessReasons.ExposureNeedsCentralizedQuarantine);
        decision.MissingPermissions.Should().Be(Permissions.OrderCentralizedQuarantine);
        decision.EscalateTo.Should().Be(Roles.Cdc);
        decision.Obligations.Should().Be(AccessObligations.Register | AccessObligations.ReportArrivalToCommunity | AccessObligations.TransferToCentralizedQuarantine);
        cdc.Outcome.Should().Be(AccessOutcome.Deny);
    }

    [Fact]
    public void Arrival_FromAMediumRiskArea_HomeObservation_HealthWorkerMayOrderIt()
    {
        var arrival = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromMediumRiskArea, Operator = Role.PropertyStaff };
        var byHealthWorker = arrival with { Operator = Role.HealthWorker };

        var escalated = Ninth.Evaluate(in arrival, Uniform(Low));
        var ordered = Ninth.Evaluate(in byHealthWorker, Uniform(Low));

        escalated.Outcome.Should().Be(AccessOutcome.Escalate);
        escalated.EscalateTo.Should().Be(Roles.HealthWorker | Roles.Cdc);
        ordered.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        ordered.Obligations.Should().HaveFlag(AccessObligations.BeginHomeObservation);
    }

    [Fact]
    public void Arrival_FromALowRiskArea_TwoTestsInThreeDays()
    {
        var arrival = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromLowRiskArea };

        var decision = Ninth.Evaluate(in arrival, Uniform(Low));

        decision.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        decision.Reasons.Should().Be(AccessReasons.ExposureNeedsTests);
        decision.Obligations.Should().Be(AccessObligations.Register | AccessObligations.ReportArrivalToCommunity | AccessObligations.TakeTests);
    }

    [Theory]
    [InlineData(7 * 24 * 60, false)]
    [InlineData((7 * 24 * 60) - 1, true)]
    public void Arrival_HistoryWindowIsSevenDays(int minutesSinceLeaving, bool applies)
    {
        var arrival = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromMediumRiskArea, Operator = Role.HealthWorker, ExposureEndedAt = Noon - Duration.FromMinutes(minutesSinceLeaving) };

        Ninth.Evaluate(in arrival, Uniform(Low)).Has(AccessReasons.ExposureNeedsHomeObservation).Should().Be(applies);
    }

    [Fact]
    public void Arrival_AlreadyUnderObservation_GoesHome()
    {
        var arrival = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromMediumRiskArea, Status = MonitoringStatus.HomeMedicalObservation };

        Ninth.Evaluate(in arrival, Uniform(Low)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Fact]
    public void RefusalOfIsolation_GoesToThePolice_Article39()
    {
        var leaving = Resident(GateDirection.Exit) with { Status = MonitoringStatus.HomeMedicalObservation, RefusesOrder = true };
        var byPolice = leaving with { Operator = Role.Police };

        var decision = Ninth.Evaluate(in leaving, Uniform(Low));
        var police = Ninth.Evaluate(in byPolice, Uniform(Low));

        decision.Outcome.Should().Be(AccessOutcome.Escalate);
        decision.Reasons.Should().Be(AccessReasons.UnderHomeObservation | AccessReasons.RefusesIsolation);
        decision.MissingPermissions.Should().Be(Permissions.CompelIsolation);
        decision.EscalateTo.Should().Be(Roles.Police);
        police.Outcome.Should().Be(AccessOutcome.Deny);
        police.Requires(AccessObligations.EnforceIsolation).Should().BeTrue("the police enforce a refused isolation");
    }

    [Fact]
    public void LeavingCentralizedQuarantine_EscalatesToThePolice()
    {
        var back = Resident(GateDirection.Entry) with { Status = MonitoringStatus.CentralizedQuarantine };

        var decision = Ninth.Evaluate(in back, Uniform(Low));

        decision.Outcome.Should().Be(AccessOutcome.Escalate);
        decision.Reasons.Should().Be(AccessReasons.UnderCentralizedQuarantine);
        decision.EscalateTo.Should().Be(Roles.Police);
    }

    [Fact]
    public void HomeHealthMonitoring_GoingOutNeedsApproval()
    {
        var request = Resident(GateDirection.Exit) with { Status = MonitoringStatus.HomeHealthMonitoring };
        var approved = request with { HasExitApproval = true };

        Ninth.Evaluate(in request, Uniform(RiskLevelNone)).Reasons.Should().Be(AccessReasons.UnderHomeHealthMonitoring);
        Ninth.Evaluate(in approved, Uniform(RiskLevelNone)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Theory]
    [InlineData(VenueKind.ElderlyCareHome, HealthCodeColour.Yellow, false)]
    [InlineData(VenueKind.School, HealthCodeColour.Unknown, false)]
    [InlineData(VenueKind.MedicalInstitution, HealthCodeColour.Green, true)]
    [InlineData(VenueKind.Other, HealthCodeColour.Yellow, true)]
    [InlineData(VenueKind.None, HealthCodeColour.Red, true)]
    public void TenMeasures_OnlyListedVenuesCheckTheCode(VenueKind venue, HealthCodeColour code, bool allowed)
    {
        var request = Visitor() with { Venue = venue, HealthCode = code };

        Ten.Evaluate(in request, Uniform(Low)).IsAllowed.Should().Be(allowed);
    }

    [Fact]
    public void TenMeasures_NoRestrictionsOutsideHighRiskAreas()
    {
        var request = Resident(GateDirection.Exit) with { HealthCode = HealthCodeColour.Unknown, TemperatureCelsius = null };

        Ten.Evaluate(in request, Uniform(Low)).Outcome.Should().Be(AccessOutcome.Allow);
        Ten.Evaluate(in request, Uniform(High)).Reasons.Should().Be(AccessReasons.StayHomeOrder);
    }

    private static CommunityControl.Risk.RiskLevel RiskLevelNone => CommunityControl.Risk.RiskLevel.None;
}
