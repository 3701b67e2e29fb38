// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using System;
using System.Globalization;
using System.IO;
using CommunityControl;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace ReadmeSnippets;

/// <summary>README §1, §2, §4 and §5: one program.</summary>
internal static class ReadmeZonesRiskAndGate
{
    public static void Run()
    {
        var tree = new ZoneTreeBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
            .Add("500101-001", ZoneKind.Community, "香炉山社区")
            .Add("500101-001-01", ZoneKind.Compound, "香炉山小区", parent: "500101-001", gates: 2)
            .Add("500101-001-01-05", ZoneKind.Building, "5栋", parent: "500101-001-01", households: 48)
            .Build();                                   // validated, immutable, thread-safe

        Zone compound = tree[ZoneId.From("500101-001-01")];
        foreach (Zone building in compound.DescendantsOfKind(ZoneKind.Building))   // a slice: no walk, no allocation
            Console.WriteLine($"{building.Name}: {building.Households} households");

        var day1 = new LocalDate(2022, 7, 1);
        var history = EpidemicHistory.Create(tree, day1).Append(new EpidemicDay(day1)
        {
            Cases = new[] { new CaseReport { Id = "p-0001", Kind = CaseKind.Confirmed, Reported = day1,
                                             Residence = ZoneId.From("500101-001-01-05") } },
        });
        PolicyEdition edition = PolicyEditions.Catalog.InForceOn(day1, "CN");          // the 9th edition (2022-06-28)
        RiskTimeline timeline = edition.Risk.Evaluate(history, new DateInterval(day1, day1));
        RiskAssessment a = timeline.At(ZoneId.From("500101-001-01"), day1);
        // a.Level: High; a.Since: 2022-07-01; a.Reason: ResidenceOfCase, case p-0001;
        // a.EarliestStepDown: 2022-07-09 if nothing new happens and the day-7 screening round is all negative
        timeline = timeline.Append(new EpidemicDay(day1.PlusDays(1)));                  // evaluates only the new day
        RiskSnapshot today = timeline.SnapshotOn(day1.PlusDays(1));                      // every zone's level, by dense index

        AccessPolicy policy = PolicyEditions.China.NinthEdition.Access!;          // or AccessPolicyJson.Parse(json)
        var ledger = new InMemoryOutingLedger();                                   // or your own IOutingLedger
        int gate = tree.GetIndex(ZoneId.From("500101-001-01"));                    // once per gate
        Instant now = tree.TimeZone.AtStrictly(day1.PlusDays(1).At(new LocalTime(9, 0))).ToInstant();   // at a gate: clock.GetCurrentInstant()

        var request = new AccessRequest
        {
            ZoneIndex = gate, Direction = GateDirection.Entry, At = now,
            Person = PersonId.From("p-7f3a"), Household = HouseholdId.From("h-19c2"),
            Category = PersonCategory.Resident, Operator = Role.PropertyStaff,
            TemperatureCelsius = 36.6, HealthCode = HealthCodeColour.Green,
            Exposure = ExposureCategory.ArrivedFromMediumRiskArea,
        };
        AccessDecision d = policy.EvaluateAndRecord(in request, today, ledger);
        // d.Outcome == Escalate; d.EscalateTo == HealthWorker | Cdc (home observation needs their power)
        Console.WriteLine(d.Describe(CultureInfo.GetCultureInfo("zh-CN")));

        using var staffingJson = File.OpenRead("staffing.json");                   // e.g. samples/Quickstart/staffing.json
        StaffingPolicy staffing = StaffingPolicyJson.Read(staffingJson, RiskScales.ChinaLowMediumHigh);
        RiskSnapshot[] snapshots = { today };                                      // one per day of the period (§2)
        var arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative); // or your gates' measured profile
        ZoneId community = ZoneId.From("500101-001");
        var workforce = Workforce.Create(new[]
        {
            new StaffMember { Id = PersonId.From("w-0001"), Source = WorkforceSource.CommunityWorker, Zone = community,
                              HoursPerWeek = 40, Duties = StaffingDuties.DayGates },
        });
        StaffingPlan plan = staffing.Calculate(snapshots, arrivals, workforce);
        foreach (var gap in plan.Gaps()) Console.WriteLine(gap.Explain());

        var handover = TransitionPlan.Calculate(staffing, snapshots, arrivals, workforce, new[]
        {
            new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25,
                                 Duties = StaffingDuties.DayGates | StaffingDuties.NightGates, Zone = community },
        });
        var pay = SubsidyStatement.CalculateAll(SubsidyPolicy.Sichuan2020, plan, plan.Period, SubsidyCalendar.None);
    }
}
