using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>
/// Stay in the area, pick up supplies at staggered times (人不出区、错峰取物): the control (管控) of a medium-risk area.
/// Residents do not leave the area; going to the designated pickup point is allowed, escorted when so configured.
/// </summary>
/// <remarks>ninth edition Medium (cn-policy §1d [S8]); 管控区 "人不出区、严禁聚集" (§1c); Shanghai 2022-05 "人不出小区、错峰取物" [S39].</remarks>
public sealed class StayInArea : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.StayInArea;

    /// <inheritdoc/>
    public override string NameZh => "人不出区、错峰取物";

    /// <inheritdoc/>
    public override string NameEn => "Stay in the area, staggered pickup";

    /// <summary>Gets the purposes for which a resident may still leave the area.</summary>
    /// <value>The default is <see cref="OutingPurpose.MedicalCare"/> and <see cref="OutingPurpose.Emergency"/>.</value>
    public IReadOnlyList<OutingPurpose> ExitPurposes { get; init; } = new[] { OutingPurpose.MedicalCare, OutingPurpose.Emergency };

    /// <summary>Gets a value indicating whether such an exit needs the community's approval.</summary>
    /// <value>The default is true.</value>
    public bool ExitNeedsApproval { get; init; } = true;

    /// <summary>Gets a value indicating whether a resident going to the pickup point (<see cref="OutingPurpose.SupplyPickup"/>) is escorted there.</summary>
    /// <value>The default is true.</value>
    public bool EscortToPickupPoint { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckPurposes(ExitPurposes, path + ".exitPurposes", problems);

    internal override ControlMeasure Freeze() => new StayInArea
    {
        Source = Source,
        ExitPurposes = FreezeList(ExitPurposes),
        ExitNeedsApproval = ExitNeedsApproval,
        EscortToPickupPoint = EscortToPickupPoint,
    };
}
