namespace CommunityControl.Risk;

/// <summary>The running state of one <see cref="IRiskRule"/> over one history.</summary>
/// <remarks>Not thread-safe: the engine calls it from one thread at a time.</remarks>
public interface IRiskRuleEvaluator
{
    /// <summary>Evaluates the next day: reads its events and reports the zones whose designation changes that day.</summary>
    /// <param name="day">The day's events and context.</param>
    /// <param name="writer">Where to report changes; for one zone the last report of the day wins.</param>
    void EvaluateDay(RiskDay day, RiskDesignationWriter writer);
}
