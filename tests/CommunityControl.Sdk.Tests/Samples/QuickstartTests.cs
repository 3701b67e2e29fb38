using System;
using System.IO;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Samples.Quickstart;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Samples;

/// <summary>
/// Runs the main job (samples/Quickstart) and checks its key figures against the ninth edition's rules (cn-policy §6.6)
/// worked by hand from the scenario's cases.
/// </summary>
public class QuickstartTests
{
    private static readonly Lazy<OutbreakReport> Report = new(() => OutbreakScenario.Run("cn-2022-06-ninth-edition", RepositoryRoot.Combine("samples", "Quickstart")));

    private static LocalDate Day(int month, int day) => new(2022, month, day);

    private static string Level(string compound, LocalDate date)
        => Report.Value.Timeline.Policy.Scale.Describe(Report.Value.Timeline.LevelOf(ZoneId.From(compound), date)).Code;

    [Fact]
    public void Community_HasTheSeedsSize()
    {
        var community = Report.Value.Tree[ZoneId.From(OutbreakScenario.Community)];

        community.Households.Should().Be(2000);
        community.DescendantsOfKind(ZoneKind.Compound).Should().HaveCount(4).And.OnlyContain(c => c.Gates == 1);
    }

    [Fact]
    public void FirstWave_FollowsTheNinthEditionLadder()
    {
        // p-0001 lives in compound 01 and stayed 90 min in compound 02 (2022-07-03); p-0002 lives in compound 01 (07-05).
        Level("500101-001-01", Day(7, 2)).Should().Be("Normal", "no local outbreak yet: no risk areas");
        Level("500101-001-01", Day(7, 3)).Should().Be("High", "the residence of a case");
        Level("500101-001-02", Day(7, 3)).Should().Be("Medium", "where a case stayed");
        Level("500101-001-03", Day(7, 3)).Should().Be("Low", "the rest of the county");

        // Compound 02: 7 days without a new infection (07-04..07-10) and an all-negative round on day 7 → Low on 07-11.
        Level("500101-001-02", Day(7, 10)).Should().Be("Medium");
        Level("500101-001-02", Day(7, 11)).Should().Be("Low");

        // Compound 01: the last infection is 07-05, so 7 clean days are 07-06..07-12 → Medium on 07-13 (day 6 is 07-11:
        // still High); 3 more days (07-13..07-15) → lifted on 07-16, and with no risk area left the county is normal.
        Level("500101-001-01", Day(7, 12)).Should().Be("High");
        Level("500101-001-01", Day(7, 13)).Should().Be("Medium");
        Level("500101-001-01", Day(7, 15)).Should().Be("Medium");
        Level("500101-001-01", Day(7, 16)).Should().Be("Normal");
        OutbreakScenario.Compounds.Should().OnlyContain(c => Level(c, Day(7, 16)) == "Normal");
    }

    [Fact]
    public void SecondWave_StartsAgainAndEndsInNormal()
    {
        // p-0004 (08-01) and p-0005 (08-03) live in compound 04: 7 clean days are 08-04..08-10 → Medium 08-11 → normal 08-14.
        Level("500101-001-04", Day(8, 1)).Should().Be("High");
        Level("500101-001-04", Day(8, 10)).Should().Be("High");
        Level("500101-001-04", Day(8, 11)).Should().Be("Medium");
        Level("500101-001-04", Day(8, 14)).Should().Be("Normal");
        Report.Value.Timeline.At(ZoneId.From("500101-001-04"), Day(8, 1)).Reason!.CaseId.Should().Be("p-0004");
    }

    [Fact]
    public void GateDecisions_ApplyTheLocalChecksAtTheirEdges()
    {
        GateEvent Event(string label) => Report.Value.Decisions.Single(g => g.LabelEn == label);

        Event("resident comes home at 37.2 °C").Decision.Outcome.Should().Be(AccessOutcome.Allow);
        Event("resident comes home at 37.3 °C").Decision.Outcome.Should().Be(AccessOutcome.Allow, "only a reading above 37.3 °C is reported");
        var fever = Event("resident comes home at 37.4 °C").Decision;
        fever.Outcome.Should().Be(AccessOutcome.Deny);
        fever.Requires(AccessObligations.ReportFeverToCommunity).Should().BeTrue("a fever is reported to the community");
        Event("thermometer reads 80 °C").Decision.Requires(AccessObligations.Remeasure).Should().BeTrue("an implausible reading asks for a re-measure");
        Event("thermometer reads 80 °C").Decision.IsAllowed.Should().BeFalse();
        Event("resident leaves a sealed compound to shop").Decision.Outcome.Should().Be(AccessOutcome.Deny);
        Event("the same, with the community's approval").Decision.IsAllowed.Should().BeTrue("an approved exit for medical care passes");
        Event("sealed household member refuses home isolation").Decision.EscalateTo.Should().HaveFlag(Roles.Police);
    }

    [Fact]
    public void Staffing_ShowsTheGapThatTheDeparturesOpen()
    {
        var staffing = Report.Value.Staffing!;
        var transition = staffing.Transition;

        transition.Departures.Should().HaveCount(16).And.OnlyContain(d => d.LeavesOn == OutbreakScenario.CadresLeave);
        var after = transition.Days.Where(d => d.Date >= OutbreakScenario.CadresLeave).ToList();
        after.Sum(d => d.GapFromDeparturesPersonHours).Should().BePositive();
        after.Sum(d => d.GapPersonHours).Should().BeGreaterThanOrEqualTo(after.Sum(d => d.GapFromDeparturesPersonHours));
        transition.Recruitment.Should().Contain(o => o.ClosesGap);

        foreach (var day in transition.Plan.Period)
        {
            var totals = transition.Plan.Totals(day);
            (totals.AssignedPersonHours + totals.GapPersonHours).Should().BeApproximately(totals.RequiredPersonHours, 1e-6, "every required hour is covered or a gap ({0})", day);
        }

        // No risk area → no demand (the staffing document has no level "Normal").
        transition.Plan.Totals(Day(8, 20)).RequiredPersonHours.Should().Be(0);
    }

    [Fact]
    public void Subsidies_UseTheSichuanRatesByLevel()
    {
        var statements = Report.Value.Staffing!.DailySubsidies.Where(s => s.IsEligible).ToList();

        statements.Should().HaveCount(6, "the Sichuan 2020 preset pays community workers");
        foreach (var s in statements)
        {
            s.Total.Should().Be(s.Days.Sum(d => d.Total));
            s.Days.Should().OnlyContain(d => d.DailySubsidy == 30m || d.DailySubsidy == 50m || d.DailySubsidy == 70m || d.DailySubsidy == 0m);
        }
    }

    [Theory]
    [InlineData(false, "== 每日风险地图", "附条件放行", "下沉干部撤离")]
    [InlineData(true, "== Daily risk map", "Allow with obligations", "deployed cadres leave")]
    public void ReportWriter_WritesEverySectionInTheChosenLanguage(bool english, string map, string decision, string handover)
    {
        using var writer = new StringWriter();

        new ReportWriter(writer, english).Write(Report.Value);

        var text = writer.ToString();
        text.Should().Contain(map).And.Contain(decision).And.Contain(handover);
        text.Split('\n').Count(l => l.StartsWith("2022-", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(60, "one map row a day");
        text.Should().NotContain("p-01", "gate decisions print no person id");
    }
}
