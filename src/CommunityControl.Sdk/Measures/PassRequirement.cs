using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>A pass (出入证) is required to go in and out (凭证出入): residents without one are refused.</summary>
/// <remarks>Beijing 2020-02-09: residents and vehicles 凭证出入 (cn-policy §2 [S20]); Yangling colour passes (§5 [S29]).</remarks>
public sealed class PassRequirement : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.PassRequirement;

    /// <inheritdoc/>
    public override string NameZh => "凭证出入";

    /// <inheritdoc/>
    public override string NameEn => "Pass required";

    /// <summary>Gets a value indicating whether residents need the pass to come in.</summary>
    /// <value>The default is true.</value>
    public bool OnEntry { get; init; } = true;

    /// <summary>Gets a value indicating whether residents need the pass to go out.</summary>
    /// <value>The default is true.</value>
    public bool OnExit { get; init; } = true;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
        => CheckDirections(OnEntry, OnExit, path + ".onEntry", problems);

    internal override ControlMeasure Freeze() => new PassRequirement { Source = Source, OnEntry = OnEntry, OnExit = OnExit };
}
