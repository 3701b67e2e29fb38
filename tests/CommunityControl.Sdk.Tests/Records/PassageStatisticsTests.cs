using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class PassageStatisticsTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public async Task HourlyArrivalsAsync_TwoWeeks_MeanPerLocalHour_ByWeekdayAndDirection_EqualsACount()
    {
        // 2022-07-04 is a Monday. Every day at 08:xx local: 3 entries and 1 exit; on Mondays 2 more entries at 18:xx.
        var store = new InMemoryPassageStore();
        var first = new LocalDate(2022, 7, 4);
        var n = 0;
        for (var day = first; day < first.PlusDays(14); day = day.PlusDays(1))
        {
            for (var i = 0; i < 4; i++)
            {
                var at = day.At(new LocalTime(8, 10 * i)).InZoneStrictly(Shanghai).ToInstant();
                await store.AppendAsync(Passages.At($"k-{n++}", "c1-a", $"p-{i}", at, i < 3 ? GateDirection.Entry : GateDirection.Exit));
            }

            if (day.DayOfWeek == IsoDayOfWeek.Monday)
            {
                await store.AppendAsync(Passages.At($"k-{n++}", "c1-a", "p-7", day.At(new LocalTime(18, 0)).InZoneStrictly(Shanghai).ToInstant()));
                await store.AppendAsync(Passages.At($"k-{n++}", "c1-a", "p-8", day.At(new LocalTime(18, 59, 59)).InZoneStrictly(Shanghai).ToInstant()));
            }
        }

        await store.AppendAsync(Passages.At("k-other-gate", "c1-b", "p-9", first.At(new LocalTime(8, 0)).InZoneStrictly(Shanghai).ToInstant()));
        await store.AppendAsync(Passages.At("k-outside", "c1-a", "p-9", first.PlusDays(14).At(new LocalTime(8, 0)).InZoneStrictly(Shanghai).ToInstant()));
        var days = new DateInterval(first, first.PlusDays(13));

        var all = await PassageStatistics.HourlyArrivalsAsync(store, ZoneId.From("c1-a"), days, Shanghai);
        var mondays = await PassageStatistics.HourlyArrivalsAsync(store, ZoneId.From("c1-a"), days, Shanghai, IsoDayOfWeek.Monday);
        var entries = await PassageStatistics.HourlyArrivalsAsync(store, ZoneId.From("c1-a"), days, Shanghai, direction: GateDirection.Entry);

        all.Should().HaveCount(24);
        all[8].Should().Be(4.0);
        all[18].Should().BeApproximately(4.0 / 14, 1e-12, "4 passages at 18:xx over 14 days");
        all.Where((v, h) => h != 8 && h != 18).Should().OnlyContain(v => v == 0);
        mondays[8].Should().Be(4.0);
        mondays[18].Should().Be(2.0);
        entries[8].Should().Be(3.0);
        ArrivalProfile.PerGate("measured c1-a", all).Hourly.Should().Equal(all, "the staffing plan takes the measured profile");
    }

    [Fact]
    public async Task HourlyArrivalsAsync_BadArguments_ThrowNamingTheArgument()
    {
        var store = new InMemoryPassageStore();
        var oneTuesday = new DateInterval(new LocalDate(2022, 7, 5), new LocalDate(2022, 7, 5));

        await FluentActions.Awaiting(async () => await PassageStatistics.HourlyArrivalsAsync(store, default, oneTuesday, Shanghai)).Should().ThrowAsync<ArgumentException>().WithParameterName("gate");
        await FluentActions.Awaiting(async () => await PassageStatistics.HourlyArrivalsAsync(store, ZoneId.From("g"), oneTuesday, Shanghai, IsoDayOfWeek.Monday)).Should().ThrowAsync<ArgumentException>().WithParameterName("weekday");
        await FluentActions.Awaiting(async () => await PassageStatistics.HourlyArrivalsAsync(store, ZoneId.From("g"), oneTuesday, Shanghai, direction: GateDirection.Unknown)).Should().ThrowAsync<ArgumentException>().WithParameterName("direction");
        await FluentActions.Awaiting(async () => await PassageStatistics.HourlyArrivalsAsync(null!, ZoneId.From("g"), oneTuesday, Shanghai)).Should().ThrowAsync<ArgumentNullException>().WithParameterName("store");
    }
}
