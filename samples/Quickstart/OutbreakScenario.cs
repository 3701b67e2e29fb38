using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
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

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The main job, as data: a community of four compounds (2,000 households, one gate each) through a 60-day outbreak
/// under one edition. Everything the console prints comes from the <see cref="OutbreakReport"/> this returns, so a test
/// can check the same figures.
/// </summary>
public static class OutbreakScenario
{
    public const string Community = "500101-001";
    public static readonly LocalDate FirstDay = new(2022, 7, 1);
    public const int Days = 60;

    /// <summary>The day the 16 deployed cadres go back to their posts (after the first wave).</summary>
    public static readonly LocalDate CadresLeave = new(2022, 7, 18);

    public static readonly string[] Compounds = { "500101-001-01", "500101-001-02", "500101-001-03", "500101-001-04" };

    public static OutbreakReport Run(string editionId, string dataFolder) => Run(PolicyEditions.Get(editionId), dataFolder);

    /// <summary>Runs the scenario under an edition given as a model (a built-in one, or one read from a document).</summary>
    public static OutbreakReport Run(PolicyEdition edition, string dataFolder)
    {
        var tree = ZoneTreeJson.Read(File.OpenRead(Path.Combine(dataFolder, "community.json")));

        // Local gate rules on top of the national edition: a document, not code (cn-policy: "model national rules as
        // the default edition and local rules as overrides").
        var local = Path.Combine(dataFolder, "measures.json");
        if (edition.Id == "cn-2022-06-ninth-edition" && File.Exists(local))
        {
            edition = edition.WithMeasures(MeasureTableJson.Read(File.OpenRead(local)));
        }
        var interval = new DateInterval(FirstDay, FirstDay.PlusDays(Days - 1));

        // 1. What happened: cases, and the screening rounds that follow them.
        var history = History(tree, interval);

        // 2. Risk levels over time, explained.
        var timeline = edition.Risk.Evaluate(history, interval);
        var snapshots = interval.Select(timeline.SnapshotOn).ToList();

        // 3. A sample of gate decisions.
        var decisions = edition.Access is { } access ? GateDecisions(tree, timeline, access) : new List<GateEvent>();

        // 3b. The registers: passages, the first case traced, its contacts' follow-ups, arrivals (RecordsScenario).
        var records = RecordsScenario.Run(edition, tree, timeline);

        // 4. Staffing, the hand-over when the deployed cadres leave, and subsidies (only for editions on the scale the
        //    staffing document is written for: the reference gives no national staffing figures, so it is ours).
        StaffingOutcome? staffing = null;
        var staffingPolicy = StaffingPolicyJson.Read(File.OpenRead(Path.Combine(dataFolder, "staffing.json")), RiskScales.ChinaLowMediumHigh);
        if (edition.Risk.Scale.Id == staffingPolicy.Scale.Id)
        {
            edition = edition.WithStaffing(staffingPolicy);
            staffing = Staffing(edition.Staffing!, tree, snapshots, interval);
            staffing = staffing with { Attendance = Attendance(staffing.Transition.Plan, tree, interval, Path.Combine(dataFolder, "subsidy.json")) };
        }

        return new OutbreakReport(edition, tree, history, timeline, snapshots, decisions, staffing) { Records = records };
    }

    private static EpidemicHistory History(ZoneTree tree, DateInterval interval)
    {
        var builder = new EpidemicHistoryBuilder(tree, interval.Start);
        CaseReport Case(string id, LocalDate day, string residence, CaseKind kind = CaseKind.Confirmed, ControlSetting foundUnder = ControlSetting.None, params (string Zone, int Minutes)[] activities)
            => new()
            {
                Id = id,
                Kind = kind,
                Reported = day,
                Residence = ZoneId.From(residence),
                FoundUnder = foundUnder,
                Activities = activities.Select(a => new CaseActivity { Zone = ZoneId.From(a.Zone), Stay = Duration.FromMinutes(a.Minutes) }).ToArray(),
            };

        var d = interval.Start;
        var cases = new[]
        {
            // The first wave: a resident of compound 01 shopped in compound 02's market; a neighbour follows two days later.
            Case("p-0001", d.PlusDays(2), "500101-001-01-03-1", activities: ("500101-001-02", 90)),
            Case("p-0002", d.PlusDays(4), "500101-001-01-05-2", CaseKind.Asymptomatic),

            // Found in centralized quarantine: under the twenty measures it draws no area; the ninth edition says nothing.
            Case("p-0003", d.PlusDays(19), "500101-001-03-02-1", foundUnder: ControlSetting.CentralizedQuarantine),

            // The second wave, in the old staff quarters (compound 04).
            Case("p-0004", d.PlusDays(31), "500101-001-04-02-1"),
            Case("p-0005", d.PlusDays(33), "500101-001-04-06-2"),
        };
        foreach (var c in cases)
        {
            builder.Add(c);
        }

        // Every compound a case lived in or visited is screened every day from the day after its first case to the end:
        // all negative, except on a day with a new case living there.
        foreach (var compound in Compounds)
        {
            var index = tree.GetIndex(ZoneId.From(compound));
            bool Touches(CaseReport c) => tree.IsWithin(tree.GetIndex(c.Residence), index) || c.Activities.Any(a => tree.IsWithin(tree.GetIndex(a.Zone), index));
            var caseDays = cases.Where(Touches).Select(c => c.Reported).ToList();
            if (caseDays.Count == 0)
            {
                continue;
            }

            for (var day = caseDays.Min().PlusDays(1); day <= interval.End; day = day.PlusDays(1))
            {
                builder.Add(new ScreeningRound { Zone = ZoneId.From(compound), Date = day, AllNegative = !cases.Any(c => c.Reported == day && tree.IsWithin(tree.GetIndex(c.Residence), index)) });
            }
        }

        return builder.Build(interval.End);
    }

    private static List<GateEvent> GateDecisions(ZoneTree tree, RiskTimeline timeline, AccessPolicy access)
    {
        var ledger = new InMemoryOutingLedger();
        var zone = tree.TimeZone;
        var events = new List<GateEvent>();
        void At((string Zh, string En) label, LocalDate date, int hour, int minute, string compound, Func<AccessRequest, AccessRequest> shape)
        {
            var request = shape(new AccessRequest
            {
                ZoneIndex = tree.GetIndex(ZoneId.From(compound)),
                At = date.At(new LocalTime(hour, minute)).InZoneStrictly(zone).ToInstant(),
                Person = PersonId.From("p-" + (events.Count + 100).ToString("0000", System.Globalization.CultureInfo.InvariantCulture)),
                Household = HouseholdId.From("h-" + compound.Substring(compound.Length - 2) + "-07"),
                Category = PersonCategory.Resident,
                Operator = Role.PropertyStaff,
                TemperatureCelsius = 36.5,
                HealthCode = HealthCodeColour.Green,
                HasPass = true,
            });
            var snapshot = timeline.SnapshotOn(date);
            var decision = access.EvaluateAndRecord(in request, snapshot, ledger);
            events.Add(new GateEvent(label.Zh, label.En, date, compound, snapshot.LevelOf(ZoneId.From(compound)), request, decision));
        }

        var d = FirstDay;
        At(("封控小区居民外出购物", "resident leaves a sealed compound to shop"), d.PlusDays(3), 9, 0, Compounds[0], r => r with { Direction = GateDirection.Exit, Purpose = OutingPurpose.Shopping });
        At(("封控小区居民外出就医", "resident leaves a sealed compound for medical care"), d.PlusDays(3), 9, 30, Compounds[0], r => r with { Direction = GateDirection.Exit, Purpose = OutingPurpose.MedicalCare });
        At(("封控小区居民经社区批准外出就医", "the same, with the community's approval"), d.PlusDays(3), 9, 35, Compounds[0], r => r with { Direction = GateDirection.Exit, Purpose = OutingPurpose.MedicalCare, HasExitApproval = true });
        At(("快递员给封控小区送件", "courier brings a parcel to a sealed compound"), d.PlusDays(3), 10, 0, Compounds[0], r => r with { Direction = GateDirection.Entry, Category = PersonCategory.Courier, Purpose = OutingPurpose.Delivery, HasPass = false });
        At(("管控小区居民去取物点", "resident of a controlled compound goes to the pick-up point"), d.PlusDays(3), 10, 30, Compounds[1], r => r with { Direction = GateDirection.Exit, Purpose = OutingPurpose.SupplyPickup });
        At(("居民回家，体温37.2 °C", "resident comes home at 37.2 °C"), d.PlusDays(3), 18, 0, Compounds[1], r => r with { Direction = GateDirection.Entry, TemperatureCelsius = 37.2 });
        At(("居民回家，体温37.3 °C", "resident comes home at 37.3 °C"), d.PlusDays(3), 18, 5, Compounds[1], r => r with { Direction = GateDirection.Entry, TemperatureCelsius = 37.3 });
        At(("居民回家，体温37.4 °C", "resident comes home at 37.4 °C"), d.PlusDays(3), 18, 10, Compounds[1], r => r with { Direction = GateDirection.Entry, TemperatureCelsius = 37.4 });
        At(("体温计读数80 °C", "thermometer reads 80 °C"), d.PlusDays(3), 18, 15, Compounds[1], r => r with { Direction = GateDirection.Entry, TemperatureCelsius = 80 });
        At(("居民健康码为红码", "resident with a red health code"), d.PlusDays(3), 18, 20, Compounds[1], r => r with { Direction = GateDirection.Entry, HealthCode = HealthCodeColour.Red });
        At(("访客未经居民确认", "visitor without a resident's confirmation"), d.PlusDays(23), 15, 0, Compounds[1], r => r with { Direction = GateDirection.Entry, Category = PersonCategory.Visitor, HasPass = false });
        At(("访客经居民确认", "visitor confirmed by a resident"), d.PlusDays(23), 15, 5, Compounds[1], r => r with { Direction = GateDirection.Entry, Category = PersonCategory.Visitor, HasPass = false, ConfirmedByResident = true });
        At(("中风险地区来人", "arrival from a medium-risk area"), d.PlusDays(3), 16, 0, Compounds[3], r => r with { Direction = GateDirection.Entry, Exposure = ExposureCategory.ArrivedFromMediumRiskArea });
        At(("居家隔离人员拒不隔离外出", "sealed household member refuses home isolation"), d.PlusDays(32), 8, 0, Compounds[3], r => r with { Direction = GateDirection.Exit, Status = MonitoringStatus.HomeIsolation, RefusesOrder = true, Purpose = OutingPurpose.Shopping });
        At(("解封后居民外出", "resident goes out after the compound is lifted"), d.PlusDays(50), 9, 0, Compounds[3], r => r with { Direction = GateDirection.Exit, Purpose = OutingPurpose.Shopping });
        return events;
    }

    private static StaffingOutcome Staffing(StaffingPolicy policy, ZoneTree tree, IReadOnlyList<RiskSnapshot> snapshots, DateInterval interval)
    {
        var workforce = Team();
        var arrivals = new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative).WithLevel(RiskScales.ChinaLowMediumHigh["Low"], ArrivalProfile.WorkResumptionIllustrative);
        var recruits = new[]
        {
            new RecruitProfile { Source = WorkforceSource.Volunteer, HoursPerWeek = 25, Duties = StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.DoorToDoor, Zone = ZoneId.From(Community) },
            new RecruitProfile { Source = WorkforceSource.CommunityWorker, HoursPerWeek = 50, Duties = StaffingDuties.All, Zone = ZoneId.From(Community) },
        };
        var transition = TransitionPlan.Calculate(policy, snapshots, arrivals, workforce, recruits);
        var calendar = new SubsidyCalendar { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };
        var daily = SubsidyStatement.CalculateAll(SubsidyPolicy.Sichuan2020, transition.Plan, interval, calendar);
        var overtime = SubsidyStatement.CalculateAll(SubsidyPolicy.Xiamen2020.WithEligibleSources(WorkforceSource.CommunityWorker, WorkforceSource.PropertyStaff), transition.Plan, interval, calendar);
        return new StaffingOutcome(workforce, transition, daily, overtime);
    }

    /// <summary>
    /// Who actually worked: clock-ins and clock-outs simulated from the plan (a few absences, a forgotten clock-out, a
    /// double tap), kept in the attendance store, set against the plan, and paid under the subsidy document for the days
    /// actually worked.
    /// </summary>
    private static AttendanceOutcome Attendance(StaffingPlan plan, ZoneTree tree, DateInterval interval, string subsidyDocument)
    {
        var store = new InMemoryAttendanceStore();
        var handover = plan.Policy.Shifts.Handover;
        for (var i = 0; i < plan.Assignments.Count; i++)
        {
            var a = plan.Assignments[i];
            if (i % 53 == 17)
            {
                continue; // absent
            }

            var start = tree.TimeZone.AtLeniently(a.Date.At(a.Shift.Start)).ToInstant();
            Append(store, $"sim-{i}-in", a.Person, AttendanceKind.ClockIn, start - Duration.FromMinutes(i % 6));
            if (i % 211 == 5)
            {
                Append(store, $"sim-{i}-in-again", a.Person, AttendanceKind.ClockIn, start + Duration.FromMinutes(1)); // a double tap
            }

            if (i % 379 != 101)
            {
                Append(store, $"sim-{i}-out", a.Person, AttendanceKind.ClockOut, start + a.Shift.Length + handover - Duration.FromMinutes(i % 4)); // else: the clock-out is forgotten
            }
        }

        var sheet = AttendanceSheet.CreateAsync(plan, store, tree.TimeZone).GetAwaiter().GetResult();
        var policy = SubsidyPolicyJson.Read(File.OpenRead(subsidyDocument), RiskScales.ChinaLowMediumHigh);
        var calendar = new SubsidyCalendar { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };
        return new AttendanceOutcome(policy, sheet, sheet.Subsidies(policy, interval, calendar), SubsidyStatement.CalculateAll(policy, plan, interval, calendar));
    }

    private static void Append(InMemoryAttendanceStore store, string key, PersonId person, AttendanceKind kind, Instant at)
        => store.AppendAsync(new AttendanceRecord { IdempotencyKey = key, Person = person, Kind = kind, At = at }).AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// The team: 6 community workers (50 h a week, every duty), 8 property staff (2 per compound, 75 h, gates, patrol,
    /// disinfection), 16 deployed cadres (75 h, every duty, leaving on <see cref="CadresLeave"/>), 4 Party members (25 h,
    /// day gates, door-to-door, coordination) and 8 volunteers (25 h, gates and door-to-door; the 2 elderly ones not on
    /// night gates).
    /// </summary>
    public static Workforce Team()
    {
        var members = new List<StaffMember>();
        void Add(string id, WorkforceSource source, string zone, double hours, StaffingDuties duties, LocalDate? leaves = null, string[]? tags = null)
            => members.Add(new StaffMember { Id = PersonId.From(id), Source = source, Zone = ZoneId.From(zone), HoursPerWeek = hours, Duties = duties, LeavesOn = leaves, Tags = tags ?? Array.Empty<string>() });

        for (var i = 1; i <= 6; i++)
        {
            Add($"cw-{i:00}", WorkforceSource.CommunityWorker, Community, 50, StaffingDuties.All);
        }

        for (var c = 1; c <= 4; c++)
        {
            for (var i = 1; i <= 2; i++)
            {
                Add($"ps-{c}{i}", WorkforceSource.PropertyStaff, $"{Community}-0{c}", 75, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.Patrol | StaffingDuties.Disinfection);
            }
        }

        for (var i = 1; i <= 16; i++)
        {
            Add($"cadre-{i:00}", WorkforceSource.DeployedCadre, Community, 75, StaffingDuties.All, CadresLeave);
        }

        for (var i = 1; i <= 4; i++)
        {
            Add($"pm-{i:00}", WorkforceSource.PartyMember, Community, 25, StaffingDuties.DayGates | StaffingDuties.DoorToDoor | StaffingDuties.Coordination);
        }

        for (var i = 1; i <= 8; i++)
        {
            Add($"vol-{i:00}", WorkforceSource.Volunteer, Community, 25, StaffingDuties.DayGates | StaffingDuties.NightGates | StaffingDuties.DoorToDoor, tags: i <= 2 ? new[] { "elderly" } : null);
        }

        return Workforce.Create(members).Restrict(m => m.Tags.Contains("elderly"), StaffingDuties.NightGates);
    }
}

/// <summary>One gate decision of the sample.</summary>
public sealed record GateEvent(string LabelZh, string LabelEn, LocalDate Date, string Compound, RiskLevel Level, AccessRequest Request, AccessDecision Decision);

/// <summary>The staffing part of the run.</summary>
public sealed record StaffingOutcome(Workforce Workforce, TransitionPlan Transition, IReadOnlyList<SubsidyStatement> DailySubsidies, IReadOnlyList<SubsidyStatement> OvertimeSubsidies)
{
    /// <summary>Who actually worked, and the subsidies owed for it.</summary>
    public AttendanceOutcome? Attendance { get; init; }
}

/// <summary>Attendance against the plan, and the subsidy document's statements from it and from the plan alone.</summary>
public sealed record AttendanceOutcome(SubsidyPolicy Policy, AttendanceSheet Sheet, IReadOnlyList<SubsidyStatement> Subsidies, IReadOnlyList<SubsidyStatement> PlannedSubsidies);

/// <summary>Everything the run computed.</summary>
public sealed record OutbreakReport(
    PolicyEdition Edition,
    ZoneTree Tree,
    EpidemicHistory History,
    RiskTimeline Timeline,
    IReadOnlyList<RiskSnapshot> Snapshots,
    IReadOnlyList<GateEvent> Decisions,
    StaffingOutcome? Staffing)
{
    /// <summary>The registers' part; null for an edition without access rules or measures.</summary>
    public RecordsOutcome? Records { get; init; }
}
