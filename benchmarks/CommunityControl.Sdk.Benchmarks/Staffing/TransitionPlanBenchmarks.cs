using System;
using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Tests.Staffing;
using CommunityControl.Zones;

namespace CommunityControl.Benchmarks.Staffing;

/// <summary>
/// What the recruitment search of <see cref="TransitionPlan"/> costs: the seeds community (2,000 households, four
/// weeks, 16 deployed cadres leaving in two waves) with no recruit profile (the plan and the plan had the cadres stayed),
/// and with the three profiles of the seeds scenario, whose counts are found by planning n = 1, 2, 3, … recruits in turn
/// (36 volunteers, 20 community workers, and day-only volunteers who cannot close the gap: 36, 20 and 33 plans).
/// </summary>
[MemoryDiagnoser]
public class TransitionPlanBenchmarks
{
    private StaffingPolicy _policy = null!;
    private IReadOnlyList<RiskSnapshot> _days = null!;
    private GateArrivals _arrivals = null!;
    private Workforce _workforce = null!;
    private RecruitProfile[] _profiles = null!;

    [GlobalSetup]
    public void Setup()
    {
        _policy = SeedsCommunity.Policy();
        _days = SeedsCommunity.Days();
        _arrivals = SeedsCommunity.Arrivals();
        _workforce = SeedsCommunity.Workforce();
        var community = ZoneId.From(SeedsCommunity.Community);
        _profiles =
        [
            new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates | StaffingDuties.NightGates, Zone = community },
            new RecruitProfile { Source = WorkforceSource.CommunityWorker, HoursPerWeek = 50, Duties = StaffingDuties.All, Zone = community },
            new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates, Zone = community, IdPrefix = "dayvol-" },
        ];
    }

    [Benchmark(Baseline = true, Description = "Seeds community, no recruit profile (2 plans)")]
    public int NoRecruitment() => TransitionPlan.Calculate(_policy, _days, _arrivals, _workforce, Array.Empty<RecruitProfile>()).Departures.Count;

    [Benchmark(Description = "Seeds community, three recruit profiles (36 + 20 + 33 plans searched)")]
    public int ThreeProfiles() => TransitionPlan.Calculate(_policy, _days, _arrivals, _workforce, _profiles).Recruitment[0].Count;
}
