using System.Diagnostics;
using CommunityControl.Access;
using CommunityControl.Risk;
using CommunityControl.Staffing;

namespace CommunityControl.Testing;

/// <summary>
/// The <c>Should()</c> entry points of the FluentAssertions extensions for the library's results. Bring them in with
/// <c>using CommunityControl.Testing;</c> beside <c>using FluentAssertions;</c>.
/// </summary>
/// <threadsafety static="true" instance="true"/>
[DebuggerNonUserCode]
public static class CommunityControlAssertionExtensions
{
    /// <summary>Starts assertions on a gate decision.</summary>
    /// <param name="actualValue">The decision.</param>
    /// <returns>The assertions.</returns>
    public static AccessDecisionAssertions Should(this AccessDecision actualValue) => new(actualValue);

    /// <summary>Starts assertions on a risk timeline.</summary>
    /// <param name="actualValue">The timeline.</param>
    /// <returns>The assertions.</returns>
    public static RiskTimelineAssertions Should(this RiskTimeline actualValue) => new(actualValue);

    /// <summary>Starts assertions on one risk assessment.</summary>
    /// <param name="actualValue">The assessment.</param>
    /// <returns>The assertions.</returns>
    public static RiskAssessmentAssertions Should(this RiskAssessment actualValue) => new(actualValue);

    /// <summary>Starts assertions on a staffing plan.</summary>
    /// <param name="actualValue">The plan.</param>
    /// <returns>The assertions.</returns>
    public static StaffingPlanAssertions Should(this StaffingPlan actualValue) => new(actualValue);

    /// <summary>Starts assertions on the result of running an edition's test vectors.</summary>
    /// <param name="actualValue">The result.</param>
    /// <returns>The assertions.</returns>
    public static EditionVectorResultAssertions Should(this EditionVectorResult actualValue) => new(actualValue);
}
