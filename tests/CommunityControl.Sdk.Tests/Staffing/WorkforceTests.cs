using System;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing;

public class WorkforceTests
{
    private static readonly ZoneId Community = ZoneId.From("500101-001");

    [Fact]
    public void Create_SeedsTeam_CountsBySource()
    {
        var workforce = SeedsCommunity.Workforce();

        workforce.Count.Should().Be(42);
        workforce.CountOf(WorkforceSource.DeployedCadre).Should().Be(16);
        workforce.ToString().Should().Be("Workforce (42: CommunityWorker 6, PropertyStaff 8, DeployedCadre 16, PartyMember 4, Volunteer 8)");
    }

    [Fact]
    public void Create_InvalidMembers_ReportsEveryProblem()
    {
        var act = () => Workforce.Create(new[]
        {
            Member("a", WorkforceSource.DeployedCadre),
            Member("a", WorkforceSource.Volunteer),
            new StaffMember { Id = default, Source = WorkforceSource.Unknown, Zone = default, HoursPerWeek = 0, Duties = StaffingDuties.None },
            null!,
        });

        var failures = act.Should().Throw<ModelValidationException>().Which.Failures;
        var a = PersonId.From("a").ToString(); // members are named only redacted
        failures.Should().Contain($"member '{a}': a deployed cadre needs the date they leave (LeavesOn).");
        failures.Should().Contain($"member '{a}': the id is used twice.");
        failures.Should().Contain("member #3: the id is required.");
        failures.Should().Contain("member #3: the source is required.");
        failures.Should().Contain("member #3: the zone served is required.");
        failures.Should().Contain(f => f.StartsWith("member #3: hours per week", StringComparison.Ordinal));
        failures.Should().Contain("member #4: is null.");
    }

    [Fact]
    public void IsAvailableOn_LeavesOnIsTheFirstDayGone()
    {
        var cadre = Member("cadre-1", WorkforceSource.DeployedCadre, leaves: new LocalDate(2020, 2, 24), from: new LocalDate(2020, 2, 11));

        cadre.IsAvailableOn(new LocalDate(2020, 2, 10)).Should().BeFalse("not yet joined");
        cadre.IsAvailableOn(new LocalDate(2020, 2, 11)).Should().BeTrue("the cadre is available before the leaving date");
        cadre.IsAvailableOn(new LocalDate(2020, 2, 23)).Should().BeTrue("the last day on duty");
        cadre.IsAvailableOn(new LocalDate(2020, 2, 24)).Should().BeFalse("the leaving day");
    }

    [Fact]
    public void IsAvailableOn_OnlyTheirDays()
    {
        var weekend = Member("v", WorkforceSource.Volunteer, days: new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday });

        weekend.IsAvailableOn(new LocalDate(2020, 2, 15)).Should().BeTrue("the member works on Saturdays");
        weekend.IsAvailableOn(new LocalDate(2020, 2, 17)).Should().BeFalse();
    }

    [Fact]
    public void Restrict_ElderlyVolunteers_LoseNightGatesOnly()
    {
        var workforce = SeedsCommunity.Workforce();

        var elderly = workforce.Where(m => m.Tags.Contains("elderly")).ToList();
        elderly.Should().HaveCount(2).And.OnlyContain(m => (m.EffectiveDuties & StaffingDuties.NightGates) == 0 && (m.EffectiveDuties & StaffingDuties.DayGates) != 0);
        workforce.Where(m => m.Source == WorkforceSource.Volunteer && !m.Tags.Contains("elderly"))
            .Should().OnlyContain(m => (m.EffectiveDuties & StaffingDuties.NightGates) != 0);
    }

    [Fact]
    public void With_RepeatedId_Rejected()
    {
        var workforce = Workforce.Create(new[] { Member("a", WorkforceSource.Volunteer) });

        var act = () => workforce.With(new[] { Member("a", WorkforceSource.CommunityWorker) });

        act.Should().Throw<ModelValidationException>().WithMessage($"*'{PersonId.From("a")}': the id is used twice*");
    }

    [Fact]
    public void Create_CopiesLists_SoLaterChangesDoNotLeakIn()
    {
        var days = new[] { IsoDayOfWeek.Monday };
        var workforce = Workforce.Create(new[] { Member("a", WorkforceSource.Volunteer, days: days) });

        days[0] = IsoDayOfWeek.Sunday;

        workforce[0].AvailableDays.Should().Equal(IsoDayOfWeek.Monday);
    }

    [Fact]
    public void ToString_ShowsOnlyRedactedIdAndSource()
    {
        Member("vol-0042", WorkforceSource.Volunteer).ToString().Should().Be($"{PersonId.From("vol-0042")} (Volunteer)").And.NotContain("vol-0042");
    }

    [Theory]
    [InlineData("张三")]
    [InlineData("13800138000 x")]
    [InlineData("")]
    public void PersonId_NotPseudonymousText_RejectedWithoutEchoingIt(string text)
    {
        var act = () => PersonId.From(text);

        var message = act.Should().Throw<ArgumentException>().WithParameterName("value").Which.Message;
        if (text.Length > 0)
        {
            message.Should().NotContain(text);
        }
    }

    [Fact]
    public void PersonId_ValueSemantics()
    {
        PersonId.TryFrom("cw-01", out var a).Should().BeTrue("cw-01 is a valid pseudonymous id");
        PersonId.TryFrom(null, out var empty).Should().BeFalse();
        empty.IsEmpty.Should().BeTrue("a rejected id gives the empty id");
        (a == PersonId.From("cw-01")).Should().BeTrue("ids with the same text are equal");
        (a < PersonId.From("cw-02")).Should().BeTrue("ids order ordinally");
        a.Value.Should().Be("cw-01");
        a.ToString().Should().MatchRegex("^person#[0-9a-f]{8}$");
    }

    private static StaffMember Member(string id, WorkforceSource source, LocalDate? leaves = null, LocalDate? from = null, IsoDayOfWeek[]? days = null) => new()
    {
        Id = PersonId.From(id),
        Source = source,
        Zone = Community,
        HoursPerWeek = 40,
        Duties = StaffingDuties.All,
        LeavesOn = leaves,
        AvailableFrom = from,
        AvailableDays = days ?? new[] { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday },
    };

    [Theory]
    [InlineData(WorkforceSource.CommunityWorker, Role.CommunityWorker)]
    [InlineData(WorkforceSource.GridWorker, Role.GridWorker)]
    [InlineData(WorkforceSource.PropertyStaff, Role.PropertyStaff)]
    [InlineData(WorkforceSource.DeployedCadre, Role.DeployedCadre)]
    [InlineData(WorkforceSource.PartyMember, Role.PartyMemberVolunteer)]
    [InlineData(WorkforceSource.Volunteer, Role.Volunteer)]
    [InlineData(WorkforceSource.HomeownersCommitteeMember, Role.HomeownersCommitteeMember)]
    public void RoleOf_AndTryGetSource_MapTheSameKindOfPerson(WorkforceSource source, Role role)
    {
        Workforce.RoleOf(source).Should().Be(role);
        ((int)role).Should().Be((int)source, "the two vocabularies share their values");
        Workforce.TryGetSource(role, out var back).Should().BeTrue("each of the seven shared kinds of person maps back to its source");
        back.Should().Be(source);
    }

    [Fact]
    public void RoleOf_EverySourceHasARole_AndPowersOutsideTheWorkforceHaveNoSource()
    {
        Enum.GetValues(typeof(WorkforceSource)).Cast<WorkforceSource>().Where(s => s != WorkforceSource.Unknown)
            .Select(Workforce.RoleOf).Should().NotContain(Role.Unknown);
        Workforce.RoleOf(WorkforceSource.Unknown).Should().Be(Role.Unknown);
        foreach (var role in new[] { Role.Police, Role.HealthWorker, Role.Cdc, Role.Unknown })
        {
            Workforce.TryGetSource(role, out var source).Should().BeFalse();
            source.Should().Be(WorkforceSource.Unknown);
        }
    }
}
