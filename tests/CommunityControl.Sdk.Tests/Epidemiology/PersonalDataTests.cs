using System;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Epidemiology;

/// <summary>Ids are pseudonymous, texts show them only redacted, and a rejected value is never echoed.</summary>
public class PersonalDataTests
{
    private static readonly ZoneTree Tree = new ZoneTreeBuilder().Add("c1", ZoneKind.Community).Add("c1-a", ZoneKind.Compound, parent: "c1").Build();
    private static readonly LocalDate Day = new(2022, 7, 1);

    [Theory]
    [InlineData("13812345678")] // a mainland mobile number
    [InlineData("11010519491231002X")] // a resident ID number
    [InlineData("110105194912310021")]
    [InlineData("110105491231002")] // a 15-digit resident ID number
    [InlineData("张三 13812345678")] // a name and a phone number
    [InlineData("Zhang San")]
    public void Append_CaseIdShapedLikePersonalData_IsRefusedWithoutEchoingIt(string id)
    {
        var report = new CaseReport { Id = id, Kind = CaseKind.Confirmed, Reported = Day, Residence = ZoneId.From("c1-a") };

        var thrown = FluentActions.Invoking(() => EpidemicHistory.Create(Tree, Day).Append(new EpidemicDay(Day) { Cases = new[] { report } }))
            .Should().Throw<ModelValidationException>().Which;

        thrown.Failures.Should().ContainSingle(f => f.Contains("not pseudonymous", StringComparison.Ordinal));
        thrown.Message.Should().NotContain(id).And.NotContain("13812345678");
        string.Join(" ", thrown.Failures).Should().NotContain(id).And.NotContain("13812345678");
    }

    [Fact]
    public void Append_DuplicateCaseId_SaysSoWithoutEchoingIt()
    {
        var report = new CaseReport { Id = "case-0001", Kind = CaseKind.Confirmed, Reported = Day, Residence = ZoneId.From("c1-a") };

        var thrown = FluentActions.Invoking(() => EpidemicHistory.Create(Tree, Day).Append(new EpidemicDay(Day) { Cases = new[] { report, report } }))
            .Should().Throw<ModelValidationException>().Which;

        string.Join(" ", thrown.Failures).Should().Contain("twice").And.NotContain("case-0001");
    }

    [Fact]
    public void Texts_ShowIdsOnlyRedacted_StableWithinTheProcess()
    {
        var person = PersonId.From("p-7f3a");
        var household = HouseholdId.From("h-19c2");
        var report = new CaseReport { Id = "c-0001", Kind = CaseKind.Confirmed, Reported = Day };
        var exclusion = new CaseExclusion { CaseId = "s-0001", Date = Day };
        var reason = new RiskReason(RiskReasonCodes.ResidenceOfCase, "risk-areas") { CaseId = "c-0001" };
        var member = new StaffMember { Id = person, Source = WorkforceSource.Volunteer, Zone = ZoneId.From("c1"), HoursPerWeek = 20, Duties = StaffingDuties.DayGates };

        person.ToString().Should().MatchRegex("^person#[0-9a-f]{8}$").And.Be(PersonId.From("p-7f3a").ToString());
        person.ToString().Should().NotBe(PersonId.From("p-7f3b").ToString());
        household.ToString().Should().MatchRegex("^household#[0-9a-f]{8}$");
        default(PersonId).ToString().Should().BeEmpty();
        person.Value.Should().Be("p-7f3a", "the raw id stays available for storage and authorized displays");
        report.ToString().Should().NotContain("c-0001").And.Contain(reason.RedactedCaseId!);
        exclusion.ToString().Should().NotContain("s-0001").And.Contain("case#");
        reason.ToString().Should().NotContain("c-0001").And.Contain(reason.RedactedCaseId!);
        reason.CaseId.Should().Be("c-0001");
        member.ToString().Should().NotContain("p-7f3a").And.Contain(person.ToString());
    }

    [Fact]
    public void StaffMemberProblems_NameTheMemberOnlyRedacted()
    {
        var member = new StaffMember { Id = PersonId.From("cw-secret"), Source = WorkforceSource.CommunityWorker, Zone = ZoneId.From("c1"), HoursPerWeek = 500, Duties = StaffingDuties.DayGates };

        var thrown = FluentActions.Invoking(() => Workforce.Create(new[] { member })).Should().Throw<ModelValidationException>().Which;

        thrown.Message.Should().NotContain("cw-secret");
        string.Join(" ", thrown.Failures).Should().NotContain("cw-secret").And.Contain("person#");
    }
}
