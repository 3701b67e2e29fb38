using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Testing;
using FluentAssertions;
using NodaTime;
using Xunit;
using Xunit.Sdk;
using static CommunityControl.Tests.Testing.ScenarioCommunity;

namespace CommunityControl.Tests.Testing;

/// <summary>The gate-decision assertions pass on the ninth edition's own decisions, and fail with the codes when they should.</summary>
public class AccessDecisionAssertionsTests
{
    private static readonly AccessPolicy Ninth = AccessPolicy.Create(PolicyEditions.China.NinthEdition.Measures!);
    private static readonly RiskScale Scale = RiskScales.ChinaLowMediumHigh;

    [Fact]
    public void BeDenied_StayHomeAtHigh_PassesWithItsReason()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        decision.Should().BeDenied().WithReason(AccessReasons.StayHomeOrder).And.WithoutReason(AccessReasons.StayInAreaOrder)
            .WithOnlyReasons(AccessReasons.StayHomeOrder).WithoutObligation(AccessObligations.RecordOuting).AtLevel(Scale["High"]);
    }

    [Fact]
    public void BeAllowed_OnADeniedDecision_FailsNamingOutcomeAndReasons()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var act = () => decision.Should().BeAllowed("residents may shop");

        act.Should().Throw<XunitException>()
            .WithMessage("Expected the gate decision to let the person pass because residents may shop, but it was Deny (reasons StayHomeOrder; obligations none; at High).");
    }

    [Fact]
    public void BeDenied_OnAnAllowedDecision_Fails()
    {
        var decision = Decide(GateRequests.ResidentExit(), "Low");

        var act = () => decision.Should().BeDenied();

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to be Deny, but it was Allow (reasons none; obligations none; at Low).");
    }

    [Fact]
    public void WithReason_Missing_FailsNamingTheExpectedAndActualCodes()
    {
        var decision = Decide(GateRequests.Courier(), "High");

        var act = () => decision.Should().BeDenied().WithReason(AccessReasons.VisitorBarred);

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to report VisitorBarred, but it was Deny (reasons CourierHandOverOnly; obligations HandOverAtDesignatedPoint*");
    }

    [Fact]
    public void WithoutReason_Present_Fails()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var act = () => decision.Should().WithoutReason(AccessReasons.StayHomeOrder);

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision not to report StayHomeOrder, but it was Deny (reasons StayHomeOrder*");
    }

    [Fact]
    public void WithOnlyReasons_MoreReported_Fails()
    {
        var leaving = GateRequests.ResidentExit() with { Status = MonitoringStatus.HomeMedicalObservation, RefusesOrder = true, Operator = Role.Police };
        var decision = Decide(leaving, "Low");

        var act = () => decision.Should().WithOnlyReasons(AccessReasons.RefusesIsolation);

        act.Should().Throw<XunitException>().WithMessage("*exactly RefusesIsolation, but it was Deny (reasons UnderHomeObservation, RefusesIsolation; obligations *EnforceIsolation*");
    }

    [Fact]
    public void RequireObligations_PickupAtMedium_Passes_ShoppingFails()
    {
        var pickup = Decide(GateRequests.ResidentExit(OutingPurpose.SupplyPickup), "Medium");
        var shopping = Decide(GateRequests.ResidentExit(), "Medium");

        pickup.Should().RequireObligations(AccessObligations.EscortToPickupPoint).And.BeAllowed().WithObligation(AccessObligations.EscortToPickupPoint);
        var act = () => shopping.Should().RequireObligations(AccessObligations.EscortToPickupPoint);

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to be AllowWithObligations requiring EscortToPickupPoint, but it was Deny (reasons StayInAreaOrder; obligations none; at Medium).");
    }

    [Fact]
    public void WithObligation_Missing_Fails_WithoutObligation_Present_Fails()
    {
        var pickup = Decide(GateRequests.ResidentExit(OutingPurpose.SupplyPickup), "Medium");

        var missing = () => pickup.Should().WithObligation(AccessObligations.Register);
        var present = () => pickup.Should().WithoutObligation(AccessObligations.EscortToPickupPoint);

        missing.Should().Throw<XunitException>().WithMessage("Expected the gate decision to require Register, but it was AllowWithObligations (reasons none; obligations EscortToPickupPoint*");
        present.Should().Throw<XunitException>().WithMessage("Expected the gate decision not to require EscortToPickupPoint, *");
    }

    [Fact]
    public void Escalate_RefusalOfIsolation_EscalatesToThePolice()
    {
        var leaving = GateRequests.ResidentExit() with { Status = MonitoringStatus.HomeMedicalObservation, RefusesOrder = true };

        var decision = Decide(leaving, "Low");

        decision.Should().Escalate().EscalatingTo(Roles.Police).WithReason(AccessReasons.RefusesIsolation);
    }

    [Fact]
    public void EscalatingTo_AnotherRole_FailsNamingTheMissingPermissionAndRoles()
    {
        var leaving = GateRequests.ResidentExit() with { Status = MonitoringStatus.HomeMedicalObservation, RefusesOrder = true };
        var decision = Decide(leaving, "Low");

        var act = () => decision.Should().EscalatingTo(Roles.Cdc, "the {0} orders quarantine", "CDC");

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to escalate to Cdc because the CDC orders quarantine, but it was Escalate (reasons UnderHomeObservation, RefusesIsolation; obligations *; missing CompelIsolation, escalate to Police; at Low).");
    }

    [Fact]
    public void Escalate_OnADenial_Fails()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var act = () => decision.Should().Escalate();

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to be Escalate, but it was Deny*");
    }

    [Fact]
    public void AtLevel_Other_Fails()
    {
        var decision = Decide(GateRequests.ResidentExit(), "Low");

        var act = () => decision.Should().AtLevel(Scale["High"]);

        act.Should().Throw<XunitException>().WithMessage("Expected the gate decision to be taken at High, but it was Allow (*at Low).");
    }

    [Fact]
    public void Messages_NeverNameThePerson()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var act = () => decision.Should().BeAllowed();

        act.Should().Throw<XunitException>().Which.Message.Should().NotContain("test-p-0001").And.NotContain("test-h-0001");
    }

    [Fact]
    public void FlagAssertions_WithNone_AreRejected()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var reason = () => decision.Should().WithReason(AccessReasons.None);
        var obligation = () => decision.Should().WithObligation(AccessObligations.None);
        var roles = () => decision.Should().EscalatingTo(Roles.None);

        reason.Should().Throw<ArgumentException>().WithParameterName("reason");
        obligation.Should().Throw<ArgumentException>().WithParameterName("obligation");
        roles.Should().Throw<ArgumentException>().WithParameterName("roles");
    }

    [Fact]
    public void InAnAssertionScope_EveryFailureIsReported()
    {
        var decision = Decide(GateRequests.ResidentExit(), "High");

        var act = () =>
        {
            using var scope = new FluentAssertions.Execution.AssertionScope();
            decision.Should().BeAllowed().WithReason(AccessReasons.NightClosure);
        };

        act.Should().Throw<XunitException>().WithMessage("*let the person pass*report NightClosure*");
    }

    private static AccessDecision Decide(AccessRequest request, string level)
    {
        var placed = request with { ZoneIndex = Tree.GetIndex(CompoundA), At = Tree.TimeZone.AtStrictly(Day(1).At(new LocalTime(12, 0))).ToInstant() };
        return Ninth.Evaluate(in placed, RiskSnapshot.Uniform(Tree, Day(1), Scale, Scale[level]), new InMemoryOutingLedger());
    }
}
