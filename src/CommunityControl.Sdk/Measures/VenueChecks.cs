using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Measures;

/// <summary>
/// The checks that only the listed venues may make (the ten measures, 2022-12-07, §6.8): at these venues the health
/// code (and, when a validity is set, a negative test) is checked; elsewhere nothing is.
/// </summary>
/// <remarks>The ten measures name 养老院、福利院、医疗机构、托幼机构、中小学 and say they "may require health code + NAT proof";
/// the validity of that proof is not stated (UNCONFIRMED), so <see cref="NegativeTestValidity"/> has no default.</remarks>
public sealed class VenueChecks : ControlMeasure
{
    /// <inheritdoc/>
    public override MeasureKind Kind => MeasureKind.VenueChecks;

    /// <inheritdoc/>
    public override string NameZh => "特定场所查验";

    /// <inheritdoc/>
    public override string NameEn => "Checks at listed venues";

    /// <summary>Gets the venues that check.</summary>
    /// <value>The default is empty, which is rejected.</value>
    public IReadOnlyList<VenueKind> Venues { get; init; } = Array.Empty<VenueKind>();

    /// <summary>Gets a value indicating whether those venues check the health code (green passes).</summary>
    /// <value>The default is false.</value>
    public bool HealthCodeRequired { get; init; }

    /// <summary>Gets how long before entry a negative test may have been sampled; null when no test proof is checked.</summary>
    /// <value>The default is null: the ten measures state no validity.</value>
    public Duration? NegativeTestValidity { get; init; }

    internal override void Validate(string path, List<(string Path, string Message)> problems)
    {
        if (Venues is null || Venues.Count == 0)
        {
            problems.Add((path + ".venues", "At least one venue must be listed."));
        }
        else
        {
            for (var i = 0; i < Venues.Count; i++)
            {
                if (Venues[i] <= VenueKind.None || Venues[i] > VenueKind.Other)
                {
                    problems.Add(($"{path}.venues[{i}]", $"'{Venues[i]}' is not a venue."));
                }
            }
        }

        if (!HealthCodeRequired && NegativeTestValidity is null)
        {
            problems.Add((path + ".healthCodeRequired", "The venues must check the health code, a negative test, or both."));
        }

        CheckDuration(NegativeTestValidity, path + ".negativeTestValidity", Duration.FromDays(30), problems);
    }

    internal override ControlMeasure Freeze() => new VenueChecks
    {
        Source = Source,
        Venues = FreezeList(Venues),
        HealthCodeRequired = HealthCodeRequired,
        NegativeTestValidity = NegativeTestValidity,
    };
}
