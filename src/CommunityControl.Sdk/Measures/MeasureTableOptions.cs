using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// The JSON binding shape of a <see cref="MeasureTable"/>: the scale, the measures of each level by the level's code,
/// the plans of people by exposure category, and the prohibitions.
/// </summary>
/// <remarks>
/// <code language="json">
/// {
///   "edition": "cn-2022-06-ninth-edition",
///   "scale": "cn-low-medium-high",
///   "levels": {
///     "High":   { "stayHome": { "source": "cn-policy §6.6" } },
///     "Medium": { "stayInArea": { "escortToPickupPoint": true } },
///     "Low":    { "leaveCityTest": { "validity": "PT48H" }, "actions": ["PersonalProtection", "AvoidGatherings"] }
///   },
///   "plans": {
///     "ArrivedFromMediumRiskArea": { "first": "HomeMedicalObservation", "firstDays": 7, "historyWindowDays": 7 }
///   },
///   "prohibitions": []
/// }
/// </code>
/// <para>Durations are ISO-8601 periods of days, hours, minutes and seconds (<c>P2D</c>, <c>PT48H</c>, <c>PT2H30M</c>);
/// times of day are <c>HH:mm</c>; enums are names, never numbers. Unknown fields are rejected.</para>
/// <para>Read documents with <see cref="Serialization.MeasureTableJson"/>: it keeps the documented defaults of fields a document leaves
/// out, which a source-generated serializer binding the init-only measure types directly would not.</para>
/// </remarks>
/// <threadsafety static="true" instance="false">Mutable binding type.</threadsafety>
public sealed class MeasureTableOptions
{
    /// <summary>The id of the edition, e.g. <c>cn-2022-06-ninth-edition</c>.</summary>
    /// <value>The default is null.</value>
    public string? Edition { get; set; }

    /// <summary>The id of the scale, e.g. <c>cn-low-medium-high</c>.</summary>
    /// <value>The default is null, which is rejected unless a scale is passed to <see cref="MeasureTable.FromOptions"/>.</value>
    public string? Scale { get; set; }

    /// <summary>The measures of each level, keyed by the level's code in the scale (e.g. <c>High</c>).</summary>
    /// <value>The default is an empty dictionary.</value>
    public IDictionary<string, MeasureSet> Levels { get; set; } = new Dictionary<string, MeasureSet>();

    /// <summary>The plans of people, keyed by <see cref="ExposureCategory"/> name (e.g. <c>CloseContact</c>).</summary>
    /// <value>The default is an empty dictionary.</value>
    public IDictionary<string, QuarantinePlan> Plans { get; set; } = new Dictionary<string, QuarantinePlan>();

    /// <summary>What the edition forbids.</summary>
    /// <value>The default is an empty list.</value>
    public IList<Prohibition> Prohibitions { get; set; } = new List<Prohibition>();
}
