using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// Stay home, services brought to the door (足不出户、上门服务): the sealing (封控) of a high-risk area. Residents go out
/// only for the listed purposes, with the community's approval; nobody but staff comes in; couriers hand over at the gate.
/// </summary>
/// <remarks>封控区 (2022): "out only for emergencies, community approval, dedicated vehicle" (cn-policy §1c [S41b]); ninth
/// edition High, twenty and ten measures High (§6.6–6.8).</remarks>
public sealed class StayHome : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.StayHome;

    /// <inheritdoc/>
    public override string NameZh => "足不出户、上门服务";

    /// <inheritdoc/>
    public override string NameEn => "Stay home, door-to-door service";

    /// <summary>Gets the purposes for which a resident may still go out.</summary>
    /// <value>The default is <see cref="OutingPurpose.MedicalCare"/> and <see cref="OutingPurpose.Emergency"/>.</value>
    public IReadOnlyList<OutingPurpose> ExitPurposes { get; init; } = new[] { OutingPurpose.MedicalCare, OutingPurpose.Emergency };

    /// <summary>Gets a value indicating whether such an exit needs the community's approval.</summary>
    /// <value>The default is true.</value>
    public bool ExitNeedsApproval { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckPurposes(ExitPurposes, path + ".exitPurposes", problems);

    internal override ControlMeasure Freeze() => new StayHome { Source = Source, ExitPurposes = FreezeList(ExitPurposes), ExitNeedsApproval = ExitNeedsApproval };
}
