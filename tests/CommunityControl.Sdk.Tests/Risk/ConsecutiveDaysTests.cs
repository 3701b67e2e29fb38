using System;
using CommunityControl.Risk;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Risk;

public class ConsecutiveDaysTests
{
    [Fact]
    public void Observe_CountingSkippedAndBreakingDays_CountsOnlyTheRun()
    {
        var run = default(ConsecutiveDays)
            .Observe(DayObservation.Counts)
            .Observe(DayObservation.Counts)
            .Observe(DayObservation.Skipped)
            .Observe(DayObservation.Counts);

        run.Count.Should().Be(3, "a skipped day neither counts nor resets");
        run.Observe(DayObservation.Breaks).Count.Should().Be(0);
    }

    [Fact]
    public void Reached_SixDaysVersusSevenDays_OnlySevenCompletesASevenDayRun()
    {
        var run = default(ConsecutiveDays);
        for (var i = 0; i < 6; i++)
        {
            run = run.Observe(DayObservation.Counts);
        }

        run.Reached(7).Should().BeFalse("day 6 is one short");
        run.Observe(DayObservation.Counts).Reached(7).Should().BeTrue("day 7 completes the run");
    }

    [Fact]
    public void NthCountedDay_NothingSkipped_IsFirstDayPlusNMinusOne()
    {
        var first = new LocalDate(2022, 7, 2);

        ConsecutiveDays.NthCountedDay(first, 7, null).Should().Be(new LocalDate(2022, 7, 8));
        ConsecutiveDays.NthCountedDay(first, 1, null).Should().Be(first);
    }

    [Fact]
    public void NthCountedDay_SundayAndHolidayInside_SkipsThemWithoutResetting()
    {
        // Tue 27 April 2021 … the 5th working day, with Sat 1 May a public holiday and Sun 2 May skipped, is Mon 3 May.
        var holiday = new LocalDate(2021, 5, 1);
        bool Skip(LocalDate d) => d.DayOfWeek == IsoDayOfWeek.Sunday || d == holiday;

        ConsecutiveDays.NthCountedDay(new LocalDate(2021, 4, 27), 5, Skip).Should().Be(new LocalDate(2021, 5, 3));
        ConsecutiveDays.NthCountedDay(new LocalDate(2021, 4, 27), 5, d => d.DayOfWeek == IsoDayOfWeek.Sunday)
            .Should().Be(new LocalDate(2021, 5, 1), "an ordinary Saturday is a working day");
    }

    [Fact]
    public void NthCountedDay_FirstDaySkipped_StartsCountingOnTheNextDay()
    {
        var sunday = new LocalDate(2021, 4, 25);

        ConsecutiveDays.NthCountedDay(sunday, 1, d => d.DayOfWeek == IsoDayOfWeek.Sunday).Should().Be(new LocalDate(2021, 4, 26));
    }

    [Fact]
    public void NthCountedDay_LessThanOneDay_Throws()
    {
        var act = () => ConsecutiveDays.NthCountedDay(new LocalDate(2022, 1, 1), 0, null);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("n");
    }

    [Fact]
    public void NthCountedDay_EveryDaySkipped_ThrowsInsteadOfLooping()
    {
        var act = () => ConsecutiveDays.NthCountedDay(new LocalDate(2022, 1, 1), 1, _ => true);

        act.Should().Throw<InvalidOperationException>();
    }
}
