using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class DoorToDoorLedgerTests
{
    private static readonly ZoneId Building = ZoneId.From("c-b");
    private static readonly PersonId Volunteer = PersonId.From("vol-01");

    [Theory]
    [InlineData(10, 0, 0, 10)] // exactly at the 10:00 cut-off: that batch
    [InlineData(10, 0, 1, 16)] // one second later: the 16:00 batch
    [InlineData(16, 0, 1, 34)] // after the last cut-off: tomorrow's 10:00 batch (24 + 10)
    public void Request_JoinsTheBatchOfTheNextCutOff(int hour, int minute, int second, int expectedHoursFromMonday)
    {
        var ledger = Ledger();
        var at = At(Monday, hour, minute) + Duration.FromSeconds(second);

        ledger.Submit(Request("r1", 2, at));

        ledger.BatchOf("r1").Should().Be(At(Monday, 0) + Duration.FromHours(expectedHoursFromMonday));
    }

    [Fact]
    public void UrgentRequest_JoinsNoBatch_AndBatchAssignmentSkipsIt()
    {
        var ledger = Ledger();
        ledger.Submit(Request("r1", 2, At(Monday, 9)));
        ledger.Submit(Request("r2", 1, At(Monday, 9), urgent: true));

        ledger.BatchOf("r2").Should().BeNull();
        ledger.AssignBatch(Building, At(Monday, 10), Volunteer).Should().Be(1);
        FluentActions.Invoking(() => ledger.ConfirmDelivery("r2", 1)).Should().Throw<InvalidOperationException>("r2 is not assigned");
        ledger.ConfirmDelivery("r1", 2).Should().Be(0);
    }

    [Fact]
    public void Conservation_HoldsOverRandomOperationSequences()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var random = new Random(seed);
            var ledger = Ledger();
            var ordered = new Dictionary<string, int>();
            var delivered = new Dictionary<string, int>();
            for (var step = 0; step < 60; step++)
            {
                var id = "r" + random.Next(15);
                switch (random.Next(4))
                {
                    case 0:
                        var q = random.Next(1, 6);
                        if (ledger.Submit(Request(id, q, At(Monday, 0) + Duration.FromMinutes(random.Next(3000)), random.Next(4) == 0)))
                        {
                            ordered.Add(id, q);
                            delivered[id] = 0;
                        }
                        else
                        {
                            ordered.Should().ContainKey(id, "only a known id is refused");
                        }

                        break;
                    case 1 when ordered.ContainsKey(id):
                        ledger.Assign(id, Volunteer);
                        break;
                    case 2 when ordered.ContainsKey(id):
                        var units = random.Next(0, 7);
                        try
                        {
                            ledger.ConfirmDelivery(id, units);
                            delivered[id] += units;
                        }
                        catch (ArgumentOutOfRangeException)
                        {
                            (units < 1 || units > ordered[id] - delivered[id]).Should().BeTrue();
                        }
                        catch (InvalidOperationException)
                        {
                        }

                        break;
                    default:
                        if (ordered.Count > 0)
                        {
                            var batch = ledger.BatchOf(ordered.Keys.First());
                            if (batch is { } b)
                            {
                                ledger.AssignBatch(Building, b, Volunteer);
                            }
                        }

                        break;
                }

                var (o, d, outstanding) = ledger.Totals();
                o.Should().Be(ordered.Values.Sum());
                d.Should().Be(delivered.Values.Sum());
                (d + outstanding).Should().Be(o);
                foreach (var k in ordered.Keys)
                {
                    ledger.OutstandingOf(k).Should().Be(ordered[k] - delivered[k]);
                }
            }
        }
    }

    [Fact]
    public async Task Conservation_HoldsUnderEightThreads()
    {
        var ledger = Ledger();
        var tasks = Enumerable.Range(0, 8).Select(t => Task.Run(() =>
        {
            var delivered = 0;
            for (var i = 0; i < 300; i++)
            {
                var id = $"r{i}"; // every thread submits the same ids: each is recorded once
                ledger.Submit(Request(id, 3, At(Monday, 9)));
                ledger.Assign(id, Volunteer);
                try
                {
                    ledger.ConfirmDelivery(id, 1);
                    delivered++;
                }
                catch (ArgumentOutOfRangeException)
                {
                    // already fully delivered by other threads
                }
            }

            return delivered;
        })).ToArray();
        var confirmed = (await Task.WhenAll(tasks)).Sum();

        var (ordered, delivered, outstanding) = ledger.Totals();
        ordered.Should().Be(300 * 3);
        delivered.Should().Be(confirmed).And.Be(300 * 3, "8 threads × 1 unit each covers the 3 units of every request");
        outstanding.Should().Be(0);
    }

    [Fact]
    public void Requests_FeedThePlansDoorToDoorDemand()
    {
        // 120 requests over 4 days for 50 households: 0.6 deliveries per household per day, 10 minutes each.
        var ledger = Ledger();
        for (var i = 0; i < 120; i++)
        {
            ledger.Submit(Request($"r{i}", 1, At(Monday.PlusDays(i % 4), 9)));
        }

        var workload = ledger.DeliveryWorkload(new DateInterval(Monday, Monday.PlusDays(3)), 50, Duration.FromMinutes(10));

        workload.Kind.Should().Be(WorkKind.Delivery);
        workload.Basis.Should().Be(WorkloadBasis.PerHousehold);
        workload.TimesPerDay.Should().BeApproximately(0.6, 1e-12);
        var policy = new StaffingPolicyBuilder(Scale)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.FromMinutes(30)))
            .ForLevel("High", new LevelStaffing { Workloads = new[] { workload } })
            .Build();
        var tree = new ZoneTreeBuilder().Add("c", ZoneKind.Compound, "c").Add("c-b", ZoneKind.Building, "b", parent: "c", households: 50).Build();
        var workforce = Workforce.Create(new[] { new StaffMember { Id = Volunteer, Source = WorkforceSource.Volunteer, Zone = ZoneId.From("c"), HoursPerWeek = 40, Duties = StaffingDuties.All } });
        var plan = policy.Calculate(RiskSnapshot.Uniform(tree, Monday, Scale, Scale["High"]), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative), workforce, new DateInterval(Monday, Monday));
        plan.Totals(StaffingRole.DoorToDoor).WorkHours.Should().BeApproximately(50 * 0.6 * 10 / 60.0, 1e-9, "30 deliveries of 10 minutes a day");
    }

    [Fact]
    public void BadInput_IsNamed()
    {
        var ledger = Ledger();
        ledger.Submit(Request("r1", 2, At(Monday, 9)));

        FluentActions.Invoking(() => new DoorToDoorLedger(Shanghai, Array.Empty<LocalTime>())).Should().Throw<ArgumentException>().WithParameterName("cutOffs");
        FluentActions.Invoking(() => ledger.Submit(null!)).Should().Throw<ArgumentNullException>().WithParameterName("request");
        FluentActions.Invoking(() => ledger.Assign("r1", default)).Should().Throw<ArgumentException>().WithParameterName("volunteer");
        FluentActions.Invoking(() => ledger.OutstandingOf("nope")).Should().Throw<KeyNotFoundException>();
        FluentActions.Invoking(() => Request("r2", 0, At(Monday, 9))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("Quantity");
        FluentActions.Invoking(() => ledger.DeliveryWorkload(new DateInterval(Monday, Monday), 0, Duration.FromMinutes(5))).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("households");
        ledger.Submit(Request("r1", 5, At(Monday, 9))).Should().BeFalse();
        ledger.ToString().Should().Be("DoorToDoorLedger (1 requests; 2 ordered, 0 delivered, 2 outstanding)");
        ledger.Describe(System.Globalization.CultureInfo.GetCultureInfo("zh-CN")).Should().Be("代购代送：1 单，订购 2 件，已送达 0 件，待送 2 件。");
        ledger.Describe(System.Globalization.CultureInfo.GetCultureInfo("en-GB")).Should().Be("Door-to-door: 1 requests, 2 units ordered, 0 delivered, 2 outstanding.");
    }

    private static DoorToDoorLedger Ledger() => new(Shanghai, new[] { new LocalTime(16, 0), new LocalTime(10, 0) });

    private static HouseholdRequest Request(string id, int quantity, Instant at, bool urgent = false)
        => new() { Id = id, Household = HouseholdId.From("hh-" + id), Building = Building, Kind = RequestKind.Groceries, Quantity = quantity, At = at, IsUrgent = urgent };
}
