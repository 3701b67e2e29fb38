using System.Collections.Generic;

namespace CommunityControl.Measures;

/// <summary>A health-code check at the gate: only the listed colours pass.</summary>
/// <remarks>Hangzhou 2020-02-11: green passes, yellow is restricted, red is denied (cn-policy §6.10 [S34]); 2021–2022 compound
/// gates checked 健康码 + 行程码 + 出入证 (§2 [S43b]).</remarks>
public sealed class HealthCodeCheck : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.HealthCodeCheck;

    /// <inheritdoc/>
    public override string NameZh => "查验健康码";

    /// <inheritdoc/>
    public override string NameEn => "Health-code check";

    /// <summary>Gets the colours that pass.</summary>
    /// <value>The default is <see cref="HealthCodeColour.Green"/> only.</value>
    public IReadOnlyList<HealthCodeColour> Accepted { get; init; } = new[] { HealthCodeColour.Green };

    /// <summary>Gets a value indicating whether codes are checked on entry.</summary>
    /// <value>The default is true.</value>
    public bool OnEntry { get; init; } = true;

    /// <summary>Gets a value indicating whether residents' codes are checked on exit.</summary>
    /// <value>The default is false.</value>
    public bool OnExit { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        CheckColours(Accepted, path + ".accepted", problems);
        CheckDirections(OnEntry, OnExit, path + ".onEntry", problems);
    }

    internal override ControlMeasure Freeze() => new HealthCodeCheck { Source = Source, Accepted = FreezeList(Accepted), OnEntry = OnEntry, OnExit = OnExit };

    internal static void CheckColours(IReadOnlyList<HealthCodeColour>? colours, string path, List<(string Path, string Message)> problems)
    {
        if (colours is null || colours.Count == 0)
        {
            problems.Add((path, "At least one colour must pass."));
            return;
        }

        for (var i = 0; i < colours.Count; i++)
        {
            if (colours[i] <= HealthCodeColour.Unknown || colours[i] > HealthCodeColour.Invalid)
            {
                problems.Add(($"{path}[{i}]", $"'{colours[i]}' cannot be an accepted colour."));
            }
        }
    }
}
