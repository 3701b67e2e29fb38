using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// A night closure of the gates (or a curfew): from <see cref="Start"/> (inclusive) to <see cref="End"/> (exclusive),
/// local time in the zone tree's time zone, crossing midnight when <see cref="End"/> is earlier than <see cref="Start"/>.
/// Residents' exits, and entries unless <see cref="ClosesEntries"/> is false (a curfew), are refused unless their purpose
/// is exempt.
/// </summary>
/// <remarks>No national curfew was found; local ones are named fragments a document includes with <c>"preset"</c>: see <see cref="Serialization.MeasureFragments"/> (cn-policy §2 [S38]).</remarks>
public sealed class NightClosure : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.NightClosure;

    /// <inheritdoc/>
    public override string NameZh => "夜间封闭";

    /// <inheritdoc/>
    public override string NameEn => "Night closure";

    /// <summary>Gets the local time the closure starts (inclusive).</summary>
    /// <value>The default is midnight; it must differ from <see cref="End"/>.</value>
    public LocalTime Start { get; init; }

    /// <summary>Gets the local time the closure ends (exclusive).</summary>
    /// <value>The default is midnight; it must differ from <see cref="Start"/>.</value>
    public LocalTime End { get; init; }

    /// <summary>Gets the purposes exempt from the closure.</summary>
    /// <value>The default is empty.</value>
    public IReadOnlyList<OutingPurpose> ExemptPurposes { get; init; } = Array.Empty<OutingPurpose>();

    /// <summary>Gets a value indicating whether entries are refused too (a closure of the gates) or only going out (a curfew).</summary>
    /// <value>The default is true.</value>
    public bool ClosesEntries { get; init; } = true;

    /// <summary>Tells whether the gates are closed at a local time.</summary>
    /// <param name="time">The local time.</param>
    /// <returns>True inside the window [<see cref="Start"/>, <see cref="End"/>).</returns>
    public bool IsClosedAt(LocalTime time) => Start < End
        ? time >= Start && time < End
        : time >= Start || time < End;

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Start == End)
        {
            problems.Add((path + ".end", "The closure must end at another time than it starts."));
        }

        CheckPurposes(ExemptPurposes, path + ".exemptPurposes", problems);
    }

    internal override ControlMeasure Freeze() => new NightClosure { Source = Source, Start = Start, End = End, ExemptPurposes = FreezeList(ExemptPurposes), ClosesEntries = ClosesEntries };
}
