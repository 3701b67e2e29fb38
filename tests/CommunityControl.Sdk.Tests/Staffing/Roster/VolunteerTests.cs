using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Staffing.Roster;

public class VolunteerTests
{
    private static readonly LocalDate Monday = new(2022, 7, 18);

    [Theory]
    [InlineData(8, 0, 8, true)] // the window's own edges are inside
    [InlineData(7, 59, 8, false)]
    [InlineData(8, 1, 8, false)] // ends 16:01, one minute past the window
    [InlineData(12, 0, 4, true)]
    public void Covers_DayWindow_Edges(int hour, int minute, int hours, bool covered)
    {
        var window = new AvailabilityWindow(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(16, 0));

        window.Covers(Monday.At(new LocalTime(hour, minute)), Duration.FromHours(hours)).Should().Be(covered);
        window.Covers(Monday.PlusDays(1).At(new LocalTime(hour, minute)), Duration.FromHours(hours)).Should().BeFalse("Tuesday is another day");
    }

    [Fact]
    public void Covers_OvernightWindow_RunsIntoTheNextDay_AndAcrossTheWeek()
    {
        var sunday = new AvailabilityWindow(IsoDayOfWeek.Sunday, new LocalTime(20, 0), new LocalTime(8, 0));
        var allDay = new AvailabilityWindow(IsoDayOfWeek.Wednesday, LocalTime.Midnight, LocalTime.Midnight);

        sunday.Length.Should().Be(Duration.FromHours(12));
        sunday.Covers(Monday.At(LocalTime.Midnight), Duration.FromHours(8)).Should().BeTrue("Sunday 20:00 to Monday 08:00");
        sunday.Covers(Monday.PlusDays(-1).At(new LocalTime(20, 0)), Duration.FromHours(12)).Should().BeTrue();
        sunday.Covers(Monday.At(new LocalTime(1, 0)), Duration.FromHours(8)).Should().BeFalse("ends 09:00");
        allDay.Length.Should().Be(Duration.FromHours(24));
        allDay.Covers(Monday.PlusDays(2).At(LocalTime.Midnight), Duration.FromHours(24)).Should().BeTrue();
        allDay.Covers(Monday.PlusDays(2).At(new LocalTime(23, 0)), Duration.FromHours(2)).Should().BeFalse("runs into Thursday");
    }

    [Fact]
    public void Window_InvalidArguments_NameTheArgument()
    {
        FluentActions.Invoking(() => new AvailabilityWindow(0, LocalTime.Midnight, LocalTime.Noon)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("day");
        FluentActions.Invoking(() => new AvailabilityWindow(IsoDayOfWeek.Monday, new LocalTime(8, 0, 30), LocalTime.Noon)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("start");
        FluentActions.Invoking(() => SignUp("v-1", healthy: true, windows: new[] { default(AvailabilityWindow) })).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("availability");
        FluentActions.Invoking(() => SignUp("v-1", healthy: true, band: VolunteerAgeBand.Unknown)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("ageBand");
    }

    [Fact]
    public void CanMove_EveryPair_MatchesTheTable()
    {
        var allowed = new[]
        {
            (VettingState.SignedUp, VettingState.Vetted), (VettingState.SignedUp, VettingState.Rejected), (VettingState.SignedUp, VettingState.Withdrawn),
            (VettingState.Vetted, VettingState.Rostered), (VettingState.Vetted, VettingState.Rejected), (VettingState.Vetted, VettingState.Withdrawn),
            (VettingState.Rostered, VettingState.Vetted), (VettingState.Rostered, VettingState.Withdrawn),
        };
        var states = Enum.GetValues<VettingState>();

        foreach (var from in states)
        {
            foreach (var to in states)
            {
                VolunteerRoster.CanMove(from, to).Should().Be(allowed.Contains((from, to)), "{0} → {1}", from, to);
            }
        }
    }

    [Fact]
    public void Move_FollowsTheStates_AndNeedsTheHealthDeclaration()
    {
        var roster = new VolunteerRoster();
        roster.Add(new[] { SignUp("v-1", healthy: true), SignUp("v-2", healthy: false) });
        var v1 = PersonId.From("v-1");
        var v2 = PersonId.From("v-2");

        roster.Move(v1, VettingState.Vetted).Should().Be(VettingState.SignedUp);
        roster.Move(v1, VettingState.Rostered).Should().Be(VettingState.Vetted);
        FluentActions.Invoking(() => roster.Move(v2, VettingState.Vetted)).Should().Throw<InvalidOperationException>().WithMessage("*health declaration*");
        roster.Move(v2, VettingState.Rejected);
        FluentActions.Invoking(() => roster.Move(v2, VettingState.Vetted)).Should().Throw<InvalidOperationException>().WithMessage("A sign-up cannot move from Rejected to Vetted.");
        FluentActions.Invoking(() => roster.Move(PersonId.From("v-3"), VettingState.Vetted)).Should().Throw<ArgumentException>().Which.ParamName.Should().Be("id");
        FluentActions.Invoking(() => roster.Add(new[] { SignUp("v-1", healthy: true) })).Should().Throw<ArgumentException>().WithMessage("signUps[0]*").Which.Message.Should().NotContain("v-1");

        roster.StateOf(v1).Should().Be(VettingState.Rostered);
        roster.InState(VettingState.Rostered).Select(s => s.Id).Should().Equal(v1);
        roster.StateOf(PersonId.From("v-3")).Should().Be(VettingState.Unknown);
        roster.ToString().Should().Be("Rostered 1, Rejected 1");
    }

    [Fact]
    public void Move_Concurrent_ExactlyOneWins()
    {
        var roster = new VolunteerRoster();
        roster.Add(Enumerable.Range(0, 200).Select(i => SignUp($"v-{i}", healthy: true)));
        var wins = new int[200];

        Parallel.For(0, 8 * 200, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k =>
        {
            var i = k % 200;
            try
            {
                roster.Move(PersonId.From($"v-{i}"), VettingState.Vetted);
                Interlocked.Increment(ref wins[i]);
            }
            catch (InvalidOperationException)
            {
                // Already vetted by another thread.
            }
        });

        wins.Should().OnlyContain(w => w == 1);
        roster.InState(VettingState.Vetted).Should().HaveCount(200);
    }

    [Theory]
    [InlineData(VolunteerAgeBand.From45To59, true)]
    [InlineData(VolunteerAgeBand.From60To69, false)]
    public void ToCandidate_OldestBandForNights_KeepsOlderOffNights(VolunteerAgeBand band, bool nights)
    {
        var signUp = SignUp("v-1", healthy: true, band: band);

        signUp.ToCandidate(VolunteerAgeBand.From45To59, 20, 30).NightShiftsAllowed.Should().Be(nights);
        signUp.ToCandidate(null, 20, 30).NightShiftsAllowed.Should().BeTrue("no age limit unless the host sets one");
        signUp.ToString().Should().Be($"{signUp.Id} ({band})");
        FluentActions.Invoking(() => signUp.ToCandidate(null, 30, 20)).Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("maxHoursPerWeek");
    }

    private static VolunteerSignUp SignUp(string id, bool healthy, VolunteerAgeBand band = VolunteerAgeBand.From30To44, AvailabilityWindow[]? windows = null)
        => new(PersonId.From(id), ZoneId.From("C-1-1-0"), StaffingDuties.DayGates, windows ?? new[] { new AvailabilityWindow(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(16, 0)) }, band, healthy);
}
