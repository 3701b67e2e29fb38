using System;
using System.IO;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Samples.Quickstart;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Samples;

/// <summary>The registers' section of the main job under the ninth edition (cn-policy §1d, §6.6): passages once per key,
/// the first case traced (escalated for a community worker, done by the CDC), 7 + 3 follow-ups the gate sees, the
/// activity places designated Medium, and arrivals by the 7-day history.</summary>
public class QuickstartRecordsTests
{
    private static readonly Lazy<OutbreakReport> Report = new(() => OutbreakScenario.Run("cn-2022-06-ninth-edition", RepositoryRoot.Combine("samples", "Quickstart")));

    private static RecordsOutcome Records => Report.Value.Records!;

    [Fact]
    public void Passages_EveryCallRetriedOnce_EachRecordedOnce()
    {
        Records.Recorded.Should().Be(Records.AppendCalls / 2);
        Records.Held.Should().Be(Records.Recorded);
    }

    [Fact]
    public void Trace_CommunityWorkerIsEscalatedToTheCdc_TheCdcFindsTheCasesGatesAndTheNeighbour()
    {
        Records.TraceByCommunityWorker.IsEscalated.Should().BeTrue();
        Records.TraceByCommunityWorker.EscalateTo.Should().Be(Roles.Cdc);
        Records.Trace.IsEscalated.Should().BeFalse();
        Records.Trace.Gates.Select(g => g.Value).Should().Equal(OutbreakScenario.Compounds[0], OutbreakScenario.Compounds[1]);
        Records.Trace.Contacts.Select(c => c.Person).Should().Contain(RecordsScenario.Neighbour).And.NotContain(RecordsScenario.Case);
        Records.Trace.Contacts.Should().OnlyContain(c => c.ClosestGap <= RecordsScenario.Window);
        Records.AuditEntries.Should().BeGreaterThanOrEqualTo(Records.Trace.Contacts.Count + 1, "the case and every contact are recorded, once per read that returned them");
    }

    [Fact]
    public void FollowUps_NinthEditionSevenPlusThree_RestartedOnTheSecondMorning_AndTheGateSeesTheStatus()
    {
        var neighbour = Records.FollowUps.Single(f => f.Person == RecordsScenario.Neighbour);

        neighbour.Exposures.Should().Equal(new LocalDate(2022, 7, 1), new LocalDate(2022, 7, 2));
        neighbour.StatusOn(new LocalDate(2022, 7, 8)).Should().Be(MonitoringStatus.CentralizedQuarantine, "day 7 from 07-02");
        neighbour.StatusOn(new LocalDate(2022, 7, 9)).Should().Be(MonitoringStatus.HomeHealthMonitoring, "day 8");
        neighbour.ReleaseDate.Should().Be(new LocalDate(2022, 7, 12));
        Records.ContactAtGate!.Request.Status.Should().Be(MonitoringStatus.CentralizedQuarantine);
        Records.ContactAtGate.Decision.Outcome.Should().NotBe(AccessOutcome.Allow).And.NotBe(AccessOutcome.AllowWithObligations);
    }

    [Fact]
    public void TracedPlaces_ResidenceHigh_ActivityPlaceMedium_AndArrivalsByTheSevenDayHistory()
    {
        Records.TracedPlaces.Select(p => (p.Zone.Value, Report.Value.Timeline.Policy.Scale.Describe(p.Level).Code, p.Residence)).Should().Equal(
            (OutbreakScenario.Compounds[0], "High", true), (OutbreakScenario.Compounds[1], "Medium", false));
        Records.Arrivals!.Select(a => (a.Category, a.NeedsInvestigation)).Should().Equal(
            (ExposureCategory.ArrivedFromHighRiskArea, false), (ExposureCategory.None, false), (ExposureCategory.None, true));
    }

    [Theory]
    [InlineData(false, "== 登记与追踪", "移交：疾控人员", "待核查行程")]
    [InlineData(true, "== Registers and tracing", "escalate to: CDC staff", "itinerary to investigate")]
    public void ReportWriter_WritesTheRegistersSection_InItsLanguage_WithoutIds(bool english, string header, string escalation, string arrival)
    {
        using var writer = new StringWriter();

        new ReportWriter(writer, english).Write(Report.Value);

        var text = writer.ToString();
        var section = text.Substring(text.IndexOf(header, StringComparison.Ordinal));
        section = section.Substring(0, section.IndexOf("\n==", 1, StringComparison.Ordinal));
        section.Should().Contain(escalation).And.Contain(arrival);
        section.Split('\n').Length.Should().BeLessThan(16, "a few lines per part");
        section.Should().NotContain("r-4").And.NotContain("p-0").And.NotContain("a-0");
    }
}
