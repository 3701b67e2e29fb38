using System.Linq;
using CommunityControl.Samples.Quickstart;
using CommunityControl.Staffing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Staffing.Roster;

public class VolunteerWeekTests
{
    [Fact]
    public void Quickstart_VolunteersCloseTheGapTheCadresLeave()
    {
        var report = OutbreakScenario.Run("cn-2022-06-ninth-edition", RepositoryRoot.Combine("samples", "Quickstart"));
        var week = VolunteerWeek.Calculate(report.Tree, report.Staffing!.Workforce);

        week.Roster.Count.Should().Be(20);
        week.Roster.InState(VettingState.Rejected).Should().OnlyContain(s => !s.HealthDeclared).And.HaveCount(2);
        week.Roster.InState(VettingState.Rostered).Should().OnlyContain(s => s.HealthDeclared).And.HaveCount(16);
        week.TeamOnly.Problem.Candidates.Should().NotContain(c => c.Id.Value.StartsWith("cadre-", System.StringComparison.Ordinal), "the cadres have left");
        week.TeamOnly.UncoveredHours.Should().BeGreaterThan(0);
        week.WithVolunteers.UncoveredHours.Should().BeLessThan(week.TeamOnly.UncoveredHours);
        week.WithVolunteers.Assignments.Select(a => week.WithVolunteers.Problem.Candidates[a.Candidate])
            .Where(c => !c.NightShiftsAllowed).Should().NotBeEmpty("older volunteers work day shifts");
    }
}
