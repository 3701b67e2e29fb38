using System;
using System.Diagnostics;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Risk;
using CommunityControl.Testing.Internal;
using FluentAssertions;
using FluentAssertions.Execution;

namespace CommunityControl.Testing;

/// <summary>
/// FluentAssertions for an <see cref="AccessDecision"/>: the outcome (<see cref="BeAllowed"/>, <see cref="BeDenied"/>,
/// <see cref="Escalate"/>, <see cref="RequireObligations"/>), then the reasons, obligations and escalation, chained:
/// <c>decision.Should().BeDenied().WithReason(AccessReasons.FeverAboveThreshold).WithObligation(AccessObligations.Remeasure)</c>.
/// </summary>
/// <remarks>Failure messages name the outcome, the reason and obligation codes, the escalation and the level; a decision holds no personal data.</remarks>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class AccessDecisionAssertions
{
    /// <summary>Creates the assertions for a decision (use <c>decision.Should()</c>).</summary>
    /// <param name="subject">The decision.</param>
    public AccessDecisionAssertions(AccessDecision subject) => Subject = subject;

    /// <summary>Gets the decision asserted on.</summary>
    public AccessDecision Subject { get; }

    /// <summary>Gets these assertions again, for readability: <c>.BeDenied().And.WithReason(…)</c>.</summary>
    public AccessDecisionAssertions And => this;

    /// <summary>Asserts that the person may pass (<see cref="AccessOutcome.Allow"/> or <see cref="AccessOutcome.AllowWithObligations"/>).</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions BeAllowed(string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.IsAllowed)
            .FailWith("Expected the gate decision to let the person pass{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision is <see cref="AccessOutcome.Deny"/>.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions BeDenied(string because = "", params object[] becauseArgs) => HaveOutcome(AccessOutcome.Deny, because, becauseArgs);

    /// <summary>Asserts that the decision is <see cref="AccessOutcome.Escalate"/>: it needs a permission the gate's operator lacks.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions Escalate(string because = "", params object[] becauseArgs) => HaveOutcome(AccessOutcome.Escalate, because, becauseArgs);

    /// <summary>Asserts that the person may pass on condition of <paramref name="obligations"/>: the outcome is <see cref="AccessOutcome.AllowWithObligations"/> and every one of them is required.</summary>
    /// <param name="obligations">One or more obligations.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="obligations"/> is <see cref="AccessObligations.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions RequireObligations(AccessObligations obligations, string because = "", params object[] becauseArgs)
    {
        NotNone(obligations == AccessObligations.None, nameof(obligations));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Outcome == AccessOutcome.AllowWithObligations && Subject.Requires(obligations))
            .FailWith("Expected the gate decision to be AllowWithObligations requiring " + obligations + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts the outcome.</summary>
    /// <param name="outcome">The outcome expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions HaveOutcome(AccessOutcome outcome, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Outcome == outcome)
            .FailWith("Expected the gate decision to be " + outcome + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision reports every one of <paramref name="reason"/>.</summary>
    /// <param name="reason">One or more reasons.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <see cref="AccessReasons.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions WithReason(AccessReasons reason, string because = "", params object[] becauseArgs)
    {
        NotNone(reason == AccessReasons.None, nameof(reason));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Has(reason))
            .FailWith("Expected the gate decision to report " + reason + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision reports none of <paramref name="reason"/>.</summary>
    /// <param name="reason">One or more reasons.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="reason"/> is <see cref="AccessReasons.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions WithoutReason(AccessReasons reason, string because = "", params object[] becauseArgs)
    {
        NotNone(reason == AccessReasons.None, nameof(reason));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition((Subject.Reasons & reason) == AccessReasons.None)
            .FailWith("Expected the gate decision not to report " + reason + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision reports exactly <paramref name="reasons"/> (<see cref="AccessReasons.None"/> for no reason at all).</summary>
    /// <param name="reasons">The reasons.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions WithOnlyReasons(AccessReasons reasons, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Reasons == reasons)
            .FailWith("Expected the gate decision to report exactly " + reasons + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision requires every one of <paramref name="obligation"/> (whatever the outcome: a denial may require a re-measurement).</summary>
    /// <param name="obligation">One or more obligations.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="obligation"/> is <see cref="AccessObligations.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions WithObligation(AccessObligations obligation, string because = "", params object[] becauseArgs)
    {
        NotNone(obligation == AccessObligations.None, nameof(obligation));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Requires(obligation))
            .FailWith("Expected the gate decision to require " + obligation + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision requires none of <paramref name="obligation"/>.</summary>
    /// <param name="obligation">One or more obligations.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="obligation"/> is <see cref="AccessObligations.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions WithoutObligation(AccessObligations obligation, string because = "", params object[] becauseArgs)
    {
        NotNone(obligation == AccessObligations.None, nameof(obligation));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition((Subject.Obligations & obligation) == AccessObligations.None)
            .FailWith("Expected the gate decision not to require " + obligation + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts that the decision escalates to every one of <paramref name="roles"/> (the outcome is <see cref="AccessOutcome.Escalate"/>).</summary>
    /// <param name="roles">One or more roles, e.g. <see cref="Roles.Police"/>.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="roles"/> is <see cref="Roles.None"/>.</exception>
    [CustomAssertion]
    public AccessDecisionAssertions EscalatingTo(Roles roles, string because = "", params object[] becauseArgs)
    {
        NotNone(roles == Roles.None, nameof(roles));
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Outcome == AccessOutcome.Escalate && (Subject.EscalateTo & roles) == roles)
            .FailWith("Expected the gate decision to escalate to " + roles + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts the effective risk level at the gate's zone.</summary>
    /// <param name="level">The level expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AccessDecisionAssertions AtLevel(RiskLevel level, string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Level == level)
            .FailWith("Expected the gate decision to be taken at " + level + "{reason}, but it was " + Describe(Subject) + ".");
        return this;
    }

    /// <summary>Describes a decision by its codes, e.g. <c>Deny (reasons FeverAboveThreshold; obligations Remeasure, ReportFeverToCommunity; at High)</c>.</summary>
    internal static string Describe(AccessDecision decision)
    {
        var text = decision.Outcome + " (reasons " + (decision.Reasons == AccessReasons.None ? "none" : decision.Reasons.ToString())
            + "; obligations " + (decision.Obligations == AccessObligations.None ? "none" : decision.Obligations.ToString());
        if (decision.Outcome == AccessOutcome.Escalate)
        {
            text += "; missing " + decision.MissingPermissions + ", escalate to " + decision.EscalateTo;
        }

        return Text.Safe(text + "; at " + decision.Level + ")");
    }

    private static void NotNone(bool isNone, string parameterName)
    {
        if (isNone)
        {
            throw new ArgumentException("Name at least one flag; None asserts nothing.", parameterName);
        }
    }
}
