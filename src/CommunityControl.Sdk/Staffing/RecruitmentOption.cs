using System.Globalization;

namespace CommunityControl.Staffing;

/// <summary>How many recruits of one profile close the gap after the deployed cadres leave.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class RecruitmentOption
{
    internal RecruitmentOption(RecruitProfile profile, int count, bool closesGap, double remainingGap, double gapWithoutRecruits, StaffingPlan plan)
    {
        Profile = profile;
        Count = count;
        ClosesGap = closesGap;
        RemainingGapPersonHours = remainingGap;
        GapWithoutRecruitsPersonHours = gapWithoutRecruits;
        Plan = plan;
    }

    /// <summary>Gets the profile.</summary>
    public RecruitProfile Profile { get; }

    /// <summary>
    /// Gets the recruits needed: the smallest count that closes the gap, or that leaves the least gap when it cannot be
    /// closed, of every count up to <see cref="TransitionPlan.MaxRecruits"/> (more recruits can leave a larger gap: see
    /// <see cref="TransitionPlan"/>'s remarks).
    /// </summary>
    public int Count { get; }

    /// <summary>Gets a value indicating whether <see cref="Count"/> recruits leave no gap from the first departure on.</summary>
    public bool ClosesGap { get; }

    /// <summary>Gets the paid person-hours still missing from the first departure on with <see cref="Count"/> recruits.</summary>
    public double RemainingGapPersonHours { get; }

    /// <summary>Gets the paid person-hours missing from the first departure on without recruits.</summary>
    public double GapWithoutRecruitsPersonHours { get; }

    /// <summary>Gets the plan with <see cref="Count"/> recruits (ids <c>IdPrefix001</c>, …).</summary>
    public StaffingPlan Plan { get; }

    /// <summary>Explains the option in Chinese or English by the library's one rule for bilingual text (any <c>zh</c> culture gets the Simplified Chinese).</summary>
    /// <param name="culture">The culture, e.g. <c>CultureInfo.GetCultureInfo("en-GB")</c>.</param>
    /// <returns>E.g. <c>招募 6 名志愿者（每周 25 小时）可补齐 300 人时的缺口。</c> or <c>Recruiting 6 volunteers at 25 h/week closes the gap of 300 person-hours.</c></returns>
    /// <exception cref="System.ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(CultureInfo culture) => StaffingText.Recruitment(this, CommunityControl.Internal.Guard.NotNull(culture));

    /// <summary>Returns e.g. <c>6 × Volunteer at 25 h/week (…) close the gap of 300 person-hours.</c></summary>
    /// <returns>The option in words.</returns>
    public override string ToString() => ClosesGap
        ? string.Format(CultureInfo.InvariantCulture, "{0} × {1} close the gap of {2:0.##} person-hours.", Count, Profile, GapWithoutRecruitsPersonHours)
        : string.Format(CultureInfo.InvariantCulture, "{0} × {1} cannot close the gap of {2:0.##} person-hours: {3:0.##} remain (what is left needs duties or hours this profile does not give).", Count, Profile, GapWithoutRecruitsPersonHours, RemainingGapPersonHours);
}
