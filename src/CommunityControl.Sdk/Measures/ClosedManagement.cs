using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// Closed management of a compound (封闭管理): the gates left open, whether they are staffed around the clock, and the
/// only purposes for which residents may go out.
/// </summary>
/// <remarks>Wuhan 2020-02-14: one gate per compound, staffed 24 h (测温、登记、审核放行); residents out only for medical care or
/// an epidemic-prevention or service post (cn-policy §2 [S15]).</remarks>
public sealed class ClosedManagement : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.ClosedManagement;

    /// <inheritdoc/>
    public override string NameZh => "封闭管理";

    /// <inheritdoc/>
    public override string NameEn => "Closed management";

    /// <summary>Gets the number of gates left open per compound.</summary>
    /// <value>The default is null (not stated).</value>
    public int? OpenGates { get; init; }

    /// <summary>Gets a value indicating whether every open gate is staffed around the clock.</summary>
    /// <value>The default is false.</value>
    public bool StaffedAroundTheClock { get; init; }

    /// <summary>Gets the only purposes for which residents may go out; null when any purpose is allowed.</summary>
    /// <value>The default is null (any purpose).</value>
    public IReadOnlyList<OutingPurpose>? ExitPurposes { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (OpenGates is { } g && (g < 1 || g > 100))
        {
            problems.Add((path + ".openGates", $"The number of open gates must be between 1 and 100; it was {g}."));
        }

        CheckPurposes(ExitPurposes, path + ".exitPurposes", problems, allowNull: true);
    }

    internal override ControlMeasure Freeze() => new ClosedManagement
    {
        Source = Source,
        OpenGates = OpenGates,
        StaffedAroundTheClock = StaffedAroundTheClock,
        ExitPurposes = ExitPurposes is null ? null : FreezeList(ExitPurposes),
    };
}
