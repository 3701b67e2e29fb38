using System;
using CommunityControl.Internal;
using CommunityControl.Risk;

namespace CommunityControl.Measures;

/// <summary>Builds a <see cref="MeasureTable"/> in code; <see cref="Build"/> validates everything at once.</summary>
/// <example>
/// <code>
/// var table = new MeasureTableBuilder(RiskScales.ChinaLowMediumHigh)
///     .WithEdition("local-2020-02")
///     .At("High", new MeasureSet { StayHome = new StayHome() })
///     .At("Medium", new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling) })
///     .Build();
/// </code>
/// </example>
/// <threadsafety static="true" instance="false">Mutable; use from one thread.</threadsafety>
internal sealed class MeasureTableBuilder
{
    private readonly RiskScale _scale;
    private readonly MeasureTableOptions _options = new();

    /// <summary>Starts a table on a scale.</summary>
    /// <param name="scale">The scale whose levels the table maps.</param>
    /// <exception cref="ArgumentNullException"><paramref name="scale"/> is null.</exception>
    public MeasureTableBuilder(RiskScale scale)
    {
        _scale = Guard.NotNull(scale);
        _options.Scale = scale.Id;
    }

    /// <summary>Sets the edition id.</summary>
    /// <param name="edition">The id, e.g. <c>cn-2022-06-ninth-edition</c>.</param>
    /// <returns>This builder.</returns>
    public MeasureTableBuilder WithEdition(string? edition)
    {
        _options.Edition = edition;
        return this;
    }

    /// <summary>Sets the measures of a level by its code (replacing any set before).</summary>
    /// <param name="levelCode">The level's code in the scale, e.g. <c>High</c>.</param>
    /// <param name="measures">The measures.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public MeasureTableBuilder At(string levelCode, MeasureSet measures)
    {
        _options.Levels[Guard.NotNull(levelCode)] = Guard.NotNull(measures);
        return this;
    }

    /// <summary>Sets the measures of a level (replacing any set before).</summary>
    /// <param name="level">The level.</param>
    /// <param name="measures">The measures.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measures"/> is null.</exception>
    public MeasureTableBuilder At(RiskLevel level, MeasureSet measures) => At(_scale.Describe(level).Code, measures);

    /// <summary>Sets the plan of an exposure category (replacing any set before).</summary>
    /// <param name="exposure">The category.</param>
    /// <param name="plan">The plan.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public MeasureTableBuilder Plan(ExposureCategory exposure, QuarantinePlan plan)
    {
        _options.Plans[exposure.ToString()] = Guard.NotNull(plan);
        return this;
    }

    /// <summary>Adds prohibitions.</summary>
    /// <param name="prohibitions">What the edition forbids.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="prohibitions"/> is null.</exception>
    public MeasureTableBuilder Prohibit(params Prohibition[] prohibitions)
    {
        foreach (var p in Guard.NotNull(prohibitions))
        {
            _options.Prohibitions.Add(p);
        }

        return this;
    }

    /// <summary>Validates everything and builds the table.</summary>
    /// <returns>The table.</returns>
    /// <exception cref="ModelValidationException">Something is invalid (every problem is listed, with its path).</exception>
    public MeasureTable Build() => MeasureTable.FromOptions(_options, _scale);
}
