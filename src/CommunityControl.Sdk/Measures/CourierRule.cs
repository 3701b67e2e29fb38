using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>The rule for couriers and take-out riders.</summary>
public sealed class CourierRule : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Couriers;

    /// <inheritdoc/>
    public override string NameZh => "快递外卖管理";

    /// <inheritdoc/>
    public override string NameEn => "Couriers";

    /// <summary>Gets how goods are handed over.</summary>
    /// <value>The default is <see cref="CourierHandover.Unknown"/>, which is rejected.</value>
    public CourierHandover Handover { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Handover is not (CourierHandover.AtGate or CourierHandover.LockerAfterRegistration or CourierHandover.ToDoor))
        {
            problems.Add((path + ".handover", "The hand-over is required: AtGate, LockerAfterRegistration or ToDoor."));
        }
    }

    internal override ControlMeasure Freeze() => new CourierRule { Source = Source, Handover = Handover };
}
