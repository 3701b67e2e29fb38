using System.Collections.Generic;

namespace CommunityControl.Risk;

/// <summary>
/// Parameters of the built-in grade-matrix rule family (<c>gradeMatrix</c> in a rule of an edition document): a zone's
/// level is a cell of a matrix whose rows are the grade of the area around it (e.g. the county's low / medium / high) and
/// whose columns are the zone's own grade (e.g. the community's type: no case / a case / transmission). Both grades are
/// count-threshold tables (<see cref="CountThresholdOptions"/>) on built-in scales. China's April 2020 precision plan
/// (精准化精细化指导方案) pairs county risk with community type this way.
/// </summary>
/// <remarks>
/// A combination no cell names is left open: the zone's assessment is then
/// <see cref="RiskAssessmentOutcome.InsufficientData"/> (code <see cref="RiskReasonCodes.GradeMatrixOpenCell"/>), never a
/// guess. An edition leaves open the cells its source does not fill; a local edition that extends it adds them.
/// </remarks>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class GradeMatrixOptions
{
    /// <summary>Gets or sets the id of the built-in scale the area table grades on, e.g. <c>cn-low-medium-high</c>. Required.</summary>
    public string? AreaScale { get; set; }

    /// <summary>Gets or sets the area's table: its unit is the kind of the enclosing zone, e.g. <c>District</c> (the county). Required.</summary>
    public CountThresholdOptions? Area { get; set; }

    /// <summary>Gets or sets the id of the built-in scale the zone table grades on, e.g. <c>cn-community-types</c>. Required.</summary>
    public string? ZoneScale { get; set; }

    /// <summary>
    /// Gets or sets the zone's own table: its unit is the kind of the zones the rule grades, e.g. <c>Community</c>; it must
    /// be smaller than the area's unit. Required.
    /// </summary>
    public CountThresholdOptions? Zone { get; set; }

    /// <summary>Gets or sets the cells: each pairs an area level and a zone level with the policy's level. At least one; no pair twice. Pairs not listed are open.</summary>
    public IList<GradeMatrixCellOptions> Cells { get; set; } = new List<GradeMatrixCellOptions>();
}
