using CommunityControl.Measures;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Measures;

/// <summary>The itinerary card's table, cn-policy §6.11.</summary>
public class TripCardTests
{
    [Theory]
    [InlineData(2021, 1, 7, 14, "RiskCityRed")]
    [InlineData(2021, 1, 8, 14, "Star")]
    [InlineData(2022, 6, 28, 14, "Star")]
    [InlineData(2022, 6, 29, 14, "Unmarked")]
    [InlineData(2022, 7, 7, 14, "Unmarked")]
    [InlineData(2022, 7, 8, 7, "Unmarked")]
    [InlineData(2022, 12, 12, 7, "Unmarked")]
    public void TryGetPeriod_FollowsTheTableEdges(int year, int month, int day, int window, string marking)
    {
        TripCard.TryGetPeriod(new LocalDate(year, month, day), out var period).Should().BeTrue("the date falls in one of the trip card's periods");

        period!.WindowDays.Should().Be(window);
        period.Marking.ToString().Should().Be(marking);
    }

    [Fact]
    public void TryGetPeriod_FromTheThirteenthOfDecember2022_IsOffline()
    {
        TripCard.TryGetPeriod(new LocalDate(2022, 12, 13), out var period).Should().BeFalse();
        period.Should().BeNull();
        TripCard.OfflineFrom.Should().Be(new LocalDate(2022, 12, 13));
    }

    [Theory]
    [InlineData(239, false)]
    [InlineData(240, true)]
    public void RecordsStay_FourHoursOrMore(int minutes, bool recorded)
    {
        TripCard.RecordsStay(Duration.FromMinutes(minutes)).Should().Be(recorded);
    }
}
