namespace CommunityControl.Risk;

/// <summary>
/// A rule that designates risk levels to zones from what happened. The built-in families (case-driven ladders, count
/// thresholds, indicator bands, indicator hysteresis, epidemic-free certification) implement it, and so can a vendor's
/// own rule in C#: add it to a policy with <see cref="RiskPolicy.WithRule(IRiskRule)"/>.
/// </summary>
/// <remarks>
/// <para>A rule is immutable configuration; <see cref="CreateEvaluator(RiskRuleSetup)"/> starts a stateful evaluation that is
/// stepped one day at a time, in date order, from the history's first day. On each day the evaluator reports only the
/// zones whose designation changes; a designation holds until the rule changes it. Levels a rule designates apply to the
/// zone and everything below it; the policy takes the highest of all rules per zone.</para>
/// <para>Appending a day to a timeline hands its evaluators over to the longer timeline, which steps them one more day:
/// appending costs only the work of the new day. An evaluator is therefore stepped by one engine at a time and never
/// needs to copy itself.</para>
/// </remarks>
public interface IRiskRule
{
    /// <summary>Gets the rule's id, unique in its policy (e.g. <c>risk-areas</c>); reasons name it.</summary>
    string Id { get; }

    /// <summary>Starts an evaluation.</summary>
    /// <param name="setup">The tree, scale and calendar of the evaluation.</param>
    /// <returns>An evaluator positioned before the first day.</returns>
    IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup);
}
