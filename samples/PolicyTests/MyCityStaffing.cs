using System.Globalization;
using System.Linq;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using NodaTime;

namespace CommunityControl.Samples.PolicyTests;

/// <summary>
/// The city's staffing rules for the sample (the figures are the city's own; the library has no defaults): two on duty at
/// every gate per 12-hour shift at Medium and High, and at High door-to-door delivery, 4 minutes per household a day
/// between 08:00 and 20:00.
/// </summary>
internal static class MyCityStaffing
{
    public static StaffingPolicy Policy()
    {
        var gate = new GateRule { Check = GateCheckMethod.CodeScan, Target = ServiceTarget.ForServiceLevel(0.8, Duration.FromSeconds(20)), MinimumOnDuty = 2 };
        return new StaffingPolicyBuilder(RiskScales.ChinaLowMediumHigh)
            .WithShifts(ShiftPattern.TwoTwelveHour(new LocalTime(8, 0), Duration.Zero))
            .WithLimits(new WorkLimits { MaxHoursPerDay = 12 })
            .WithCheckTime(GateCheckMethod.CodeScan, Duration.FromSeconds(10))
            .ForLevel("Medium", new LevelStaffing { Gate = gate })
            .ForLevel("High", new LevelStaffing
            {
                Gate = gate,
                Workloads = new[]
                {
                    new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = 1, TimeEach = Duration.FromMinutes(4), From = new LocalTime(8, 0), Until = new LocalTime(20, 0) },
                },
            })
            .Build();
    }

    /// <summary>Quiet gates (a closed compound): the minimum on duty binds.</summary>
    public static GateArrivals Arrivals() => new(ArrivalProfile.PerGate("quiet", Enumerable.Repeat(0.0, 24)));

    /// <summary>Community workers serving compound T-01, one 12-hour shift a day each.</summary>
    public static Workforce Workers(int count) => Workforce.Create(Enumerable.Range(1, count).Select(i => new StaffMember
    {
        Id = PersonId.From("cw-" + i.ToString("00", CultureInfo.InvariantCulture)),
        Source = WorkforceSource.CommunityWorker,
        Zone = Testing.TestCommunities.CompoundId(1),
        HoursPerWeek = 84,
        Duties = StaffingDuties.All,
    }));
}
