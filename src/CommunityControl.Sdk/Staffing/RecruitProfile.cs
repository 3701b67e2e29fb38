using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>A way of recruiting: who the recruits are, where they serve and what they may do.</summary>
/// <threadsafety static="true" instance="true">Immutable once built.</threadsafety>
public sealed class RecruitProfile
{
    /// <summary>Gets the recruits' source, e.g. <see cref="WorkforceSource.Volunteer"/> or <see cref="WorkforceSource.CommunityWorker"/>.</summary>
    public required WorkforceSource Source { get; init; }

    /// <summary>Gets the paid hours a week each recruit gives.</summary>
    public required double HoursPerWeek { get; init; }

    /// <summary>Gets what the recruits may do.</summary>
    public required StaffingDuties Duties { get; init; }

    /// <summary>Gets the zone the recruits serve, e.g. the community.</summary>
    public required ZoneId Zone { get; init; }

    /// <summary>Gets the days of the week the recruits are available.</summary>
    /// <value>Every day.</value>
    public IReadOnlyList<IsoDayOfWeek> AvailableDays { get; init; } = new[]
    {
        IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday,
        IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday,
    };

    /// <summary>Gets the most paid hours a recruit works on one day, or null.</summary>
    public double? MaxHoursPerDay { get; init; }

    /// <summary>Gets the day the recruits start, or null (the first departure).</summary>
    public LocalDate? StartsOn { get; init; }

    /// <summary>Gets the prefix of the recruits' pseudonymous ids (followed by 001, 002, …).</summary>
    /// <value><c>recruit-</c> and the source, e.g. <c>recruit-Volunteer-</c>.</value>
    public string? IdPrefix { get; init; }

    /// <summary>Returns e.g. <c>Volunteer at 25 h/week (DayGates, DoorToDoor) serving 500101-001</c>.</summary>
    /// <returns>The profile in words.</returns>
    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} at {1:0.##} h/week ({2}) serving {3}", Source, HoursPerWeek, Duties, Zone);

    internal string Prefix => IdPrefix ?? "recruit-" + Source + "-";

    internal void Check()
    {
        var probe = new StaffMember
        {
            Id = PersonId.From(Prefix.Length == 0 ? "x" : Prefix + "1"),
            Source = Source,
            Zone = Zone,
            HoursPerWeek = HoursPerWeek,
            Duties = Duties,
            AvailableDays = AvailableDays,
            MaxHoursPerDay = MaxHoursPerDay,
            LeavesOn = Source == WorkforceSource.DeployedCadre ? LocalDate.MaxIsoValue : null,
        };
        var failures = new List<string>();
        probe.Validate(0, failures);
        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(RecruitProfile), failures.Select(f => f.Replace("member '" + probe.Id + "'", "recruit profile")));
        }
    }

    /// <summary>The id of the k-th recruit (1-based): the prefix and k in at least three digits.</summary>
    internal PersonId RecruitId(int k) => PersonId.From(Prefix + k.ToString("000", CultureInfo.InvariantCulture));

    internal IEnumerable<StaffMember> Recruits(int count, LocalDate starts)
    {
        for (var k = 1; k <= count; k++)
        {
            yield return new StaffMember
            {
                Id = RecruitId(k),
                Source = Source,
                Zone = Zone,
                HoursPerWeek = HoursPerWeek,
                Duties = Duties,
                AvailableDays = AvailableDays,
                MaxHoursPerDay = MaxHoursPerDay,
                AvailableFrom = starts,
                LeavesOn = Source == WorkforceSource.DeployedCadre ? LocalDate.MaxIsoValue : null,
            };
        }
    }
}
