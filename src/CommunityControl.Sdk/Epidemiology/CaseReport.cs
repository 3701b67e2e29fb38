using System;
using System.Collections.Generic;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>
/// One reported infection or suspicion: a pseudonymous id, its kind, the local date it was reported, where the person
/// lives and where they stayed, and whether they were found already under control.
/// </summary>
/// <remarks>
/// <para>The id is pseudonymous (e.g. a hash or a sequence number issued by the health authority): never a name, an ID
/// card or a phone number. Checks (known zones, no duplicate id, a plausible date) happen when the report is added to an
/// <see cref="EpidemicHistory"/>.</para>
/// <para>A <see cref="CaseKind.Suspected"/> report may be followed by one confirming report with the same id and kind
/// <see cref="CaseKind.Confirmed"/> or <see cref="CaseKind.Asymptomatic"/>; any other repeated id is rejected.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class CaseReport
{
    private readonly IReadOnlyList<CaseActivity> _activities = Array.Empty<CaseActivity>();

    /// <summary>Gets the pseudonymous id, unique in a history: 1–64 ASCII letters, digits and - _ . : , not shaped like a
    /// phone or resident ID number (a history refuses such an id without repeating it).</summary>
    public required string Id { get; init; }

    /// <summary>Gets what was reported.</summary>
    public required CaseKind Kind { get; init; }

    /// <summary>Gets the local date (in the tree's time zone) the case was reported.</summary>
    public required LocalDate Reported { get; init; }

    /// <summary>Gets the zone where the person lives; empty (<c>default(ZoneId)</c>) when it is outside the tree or unknown.</summary>
    public ZoneId Residence { get; init; }

    /// <summary>Gets the work and activity places where the person stayed during the risk window.</summary>
    public IReadOnlyList<CaseActivity> Activities
    {
        get => _activities;
        init => _activities = value is null || value.Count == 0 ? Array.Empty<CaseActivity>() : Array.AsReadOnly(System.Linq.Enumerable.ToArray(value));
    }

    /// <summary>
    /// Gets the drawing unit the investigation chose for this case's residence (楼栋/单元/楼层/住户: Building, Unit, Floor,
    /// Household), one the edition's rule allows (<c>CaseDesignationRule.DrawingUnits</c>); <see cref="ZoneKind.Unknown"/>
    /// (the default) for the edition's default unit.
    /// </summary>
    public ZoneKind DrawingUnit { get; init; }

    /// <summary>Gets where the infection was found; <see cref="ControlSetting.None"/> (in the community) by default.</summary>
    public ControlSetting FoundUnder { get; init; }

    /// <summary>Gets a value indicating whether the investigation found no source (a sporadic case of unknown origin).</summary>
    public bool UnknownSource { get; init; }

    /// <summary>Returns the redacted id, kind and date, e.g. <c>CaseReport case#3fa9c2d1 Confirmed 2022-07-01</c>.</summary>
    /// <returns>A short description: the id only redacted (a prefix and a short keyed hash), nothing personal.</returns>
    public override string ToString() => $"CaseReport {Internal.Redaction.Redact("case", Id)} {Kind} {Reported:uuuu'-'MM'-'dd}";
}
