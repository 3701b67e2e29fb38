using System;
using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>The rule for visitors.</summary>
public sealed class VisitorRule : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.Visitors;

    /// <inheritdoc/>
    public override string NameZh => "访客管理";

    /// <inheritdoc/>
    public override string NameEn => "Visitors";

    /// <summary>Gets whether visitors are let in.</summary>
    /// <value>The default is <see cref="VisitorPolicy.Unknown"/>, which is rejected.</value>
    public VisitorPolicy Policy { get; init; }

    /// <summary>Gets the special reasons for which a barred visitor is still let in (and registered).</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<OutingPurpose> SpecialReasons { get; init; } = Array.Empty<OutingPurpose>();

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Policy is not (VisitorPolicy.Barred or VisitorPolicy.AdmittedOnResidentConfirmation or VisitorPolicy.Admitted))
        {
            problems.Add((path + ".policy", "The visitor policy is required: Barred, AdmittedOnResidentConfirmation or Admitted."));
        }

        CheckPurposes(SpecialReasons, path + ".specialReasons", problems);
    }

    internal override ControlMeasure Freeze() => new VisitorRule { Source = Source, Policy = Policy, SpecialReasons = FreezeList(SpecialReasons) };
}
