using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.GateService;

/// <summary>
/// The community's team for the staffing plan, built in code (a real host reads it from its own roster). Ids are
/// pseudonymous; tags are the host's own labels, never personal data.
/// </summary>
public static class SampleWorkforce
{
    /// <summary>The day the deployed cadres go back to their posts: gaps open from then on.</summary>
    public static readonly LocalDate CadresLeave = new(2022, 7, 13);

    /// <summary>
    /// The team of the community at the root of <paramref name="tree"/>: 4 community workers (50 h a week, every duty);
    /// 2 property staff per compound (75 h, gates, patrol, disinfection); 24 deployed cadres (75 h, every duty, until
    /// <see cref="CadresLeave"/>); 4 Party members (25 h, day gates, door-to-door, coordination); 10 volunteers (25 h,
    /// gates and door-to-door; the 2 elderly ones never on night gates).
    /// </summary>
    public static Workforce Create(ZoneTree tree)
    {
        var communities = tree.OfKind(ZoneKind.Community);
        if (communities.Count == 0)
        {
            throw new InvalidOperationException("The community document holds no zone of kind Community to attach the team to.");
        }

        var community = communities[0];
        var members = new List<StaffMember>();
        void Add(string id, WorkforceSource source, ZoneId zone, double hoursPerWeek, StaffingDuties duties, LocalDate? leavesOn = null, string[]? tags = null)
            => members.Add(new StaffMember
            {
                Id = PersonId.From(id),
                Source = source,
                Zone = zone,
                HoursPerWeek = hoursPerWeek,
                Duties = duties,
                LeavesOn = leavesOn,
                Tags = tags ?? Array.Empty<string>(),
            });

        for (var i = 1; i <= 4; i++)
        {
            Add($"cw-{i:00}", WorkforceSource.CommunityWorker, community.Id, 50, StaffingDuties.All);
        }

        var compounds = community.DescendantsOfKind(ZoneKind.Compound);
        for (var c = 0; c < compounds.Count; c++)
        {
            for (var i = 1; i <= 2; i++)
            {
                Add($"ps-{c + 1}{i}", WorkforceSource.PropertyStaff, compounds[c].Id, 75, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.Patrol | StaffingDuties.Disinfection);
            }
        }

        for (var i = 1; i <= 24; i++)
        {
            Add($"cadre-{i:00}", WorkforceSource.DeployedCadre, community.Id, 75, StaffingDuties.All, leavesOn: CadresLeave);
        }

        for (var i = 1; i <= 4; i++)
        {
            Add($"pm-{i:00}", WorkforceSource.PartyMember, community.Id, 25, StaffingDuties.DayGates | StaffingDuties.DoorToDoor | StaffingDuties.Coordination);
        }

        for (var i = 1; i <= 10; i++)
        {
            Add($"vol-{i:00}", WorkforceSource.Volunteer, community.Id, 25, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.DoorToDoor, tags: i <= 2 ? new[] { "elderly" } : null);
        }

        return Workforce.Create(members).Restrict(m => m.Tags.Contains("elderly"), StaffingDuties.NightGates);
    }
}
