using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The registers through the first wave: the gates' passages recorded once per idempotency key (every call is retried
/// once, as a gate that lost an answer would); when the first case is confirmed, its contacts traced from the register
/// (first by a community worker, who lacks the power and is escalated, then by the CDC through an audited store); their
/// follow-ups, which the gate then sees; the risk map drawn from the activity places the register found; and the
/// day's arrivals assessed under the edition.
/// </summary>
public static class RecordsScenario
{
    /// <summary>The first case, a resident of compound 01 who went to compound 02's market (reported on day 3).</summary>
    public static readonly PersonId Case = PersonId.From("p-0001");

    /// <summary>
    /// The window around each of the case's passages. Illustrative: the sources give no figure for co-presence at a gate
    /// (see <see cref="CoPresenceQuery"/>), so this is the scenario's tracing team's choice, as is the infectious period
    /// (the two days before the report).
    /// </summary>
    public static readonly Duration Window = Duration.FromMinutes(5);

    /// <summary>A resident of compound 04 who shopped at compound 02's market two minutes after the case, both mornings.</summary>
    public static readonly PersonId Neighbour = PersonId.From("r-490");

    public static RecordsOutcome? Run(PolicyEdition edition, ZoneTree tree, RiskTimeline timeline)
        => edition.Access is { } access && edition.Measures is { } measures
            ? RunAsync(edition, access, measures, tree, timeline).GetAwaiter().GetResult()
            : null;

    private static async Task<RecordsOutcome> RunAsync(PolicyEdition edition, AccessPolicy access, MeasureTable measures, ZoneTree tree, RiskTimeline timeline)
    {
        var zone = tree.TimeZone;
        var reported = OutbreakScenario.FirstDay.PlusDays(2);
        var store = new InMemoryPassageStore();
        var recorder = new PassageRecorder(access, store, new InMemoryOutingLedger());
        var (calls, recorded) = await RecordPassagesAsync(recorder, tree, timeline).ConfigureAwait(false);

        var query = new CoPresenceQuery
        {
            Case = Case,
            InfectiousPeriod = new Interval(Start(reported.PlusDays(-2), zone), Start(reported, zone)),
            Window = Window,
        };
        var authority = access.Authority;
        var at = reported.At(new LocalTime(14, 0)).InZoneStrictly(zone).ToInstant();
        var byWorker = await CoPresenceTracing.TraceAsync(store, query, authority, Role.CommunityWorker, at).ConfigureAwait(false);
        var trail = new InMemoryAuditTrail();
        var cdc = new RecordReader(PersonId.From("cdc-01"), Role.Cdc, "contact-tracing");
        var audited = new AuditedPassageStore(store, trail, cdc, new FixedClock(at));
        var trace = await CoPresenceTracing.TraceAsync(audited, query, authority, Role.Cdc, at).ConfigureAwait(false);

        var plan = measures.PlanFor(ExposureCategory.CloseContact);
        var followUps = plan is null ? Array.Empty<FollowUpSchedule>() : trace.ToFollowUpSchedules(plan, zone);
        var followUpStore = new InMemoryFollowUpStore();
        foreach (var s in followUps)
        {
            await followUpStore.SaveAsync(s).ConfigureAwait(false);
        }

        GateEvent? contactAtGate = null;
        if (followUps.FirstOrDefault(f => f.Person == Neighbour) is { } neighbour)
        {
            contactAtGate = await ContactLeavesAsync(followUpStore, Neighbour, access, tree, timeline, neighbour.FirstDay.PlusDays(4)).ConfigureAwait(false);
        }

        var places = RiskFromTracedPlaces(edition, tree, trace, reported);
        var arrivals = Arrivals(measures, zone, reported.PlusDays(2));
        return new RecordsOutcome(calls, recorded, store.Count, reported, byWorker, trace, trail.Count, followUps, contactAtGate, places, arrivals);
    }

    /// <summary>Residents pass their compound's gate twice a day on days 1–3; the case passes compound 01's gate and
    /// compound 02's (the market) each morning, with a few neighbours a minute or two apart. Every call is made twice.</summary>
    private static async Task<(int Calls, int Recorded)> RecordPassagesAsync(PassageRecorder recorder, ZoneTree tree, RiskTimeline timeline)
    {
        var zone = tree.TimeZone;
        var calls = 0;
        var recorded = 0;
        async Task Pass(string key, LocalDate date, int minuteOfDay, string compound, PersonId person, GateDirection direction, PersonCategory category)
        {
            var request = new AccessRequest
            {
                ZoneIndex = tree.GetIndex(ZoneId.From(compound)),
                Direction = direction,
                At = date.At(LocalTime.Midnight.PlusMinutes(minuteOfDay)).InZoneStrictly(zone).ToInstant(),
                Person = person,
                Household = HouseholdId.From("h-" + person.Value),
                Category = category,
                Operator = Role.PropertyStaff,
                Purpose = category == PersonCategory.Visitor ? OutingPurpose.Shopping : OutingPurpose.Work,
                TemperatureCelsius = 36.5,
                HealthCode = HealthCodeColour.Green,
                HasPass = category == PersonCategory.Resident,
                ConfirmedByResident = category == PersonCategory.Visitor,
            };
            for (var attempt = 0; attempt < 2; attempt++)
            {
                calls++;
                recorded += (await recorder.EvaluateAndRecordAsync(key, request, timeline.SnapshotOn(date), device: "gate-" + compound.Substring(compound.Length - 2)).ConfigureAwait(false)).IsNew ? 1 : 0;
            }
        }

        for (var day = 0; day < 3; day++)
        {
            var date = OutbreakScenario.FirstDay.PlusDays(day);
            for (var c = 0; c < OutbreakScenario.Compounds.Length; c++)
            {
                for (var i = 0; i < 20; i++)
                {
                    var person = PersonId.From($"r-{c + 1}{i:00}");
                    var minute = 6 * 60 + (((i * 37) + (day * 11) + (c * 5)) % 240);
                    await Pass($"d{day}-c{c}-r{i}-out", date, minute, OutbreakScenario.Compounds[c], person, GateDirection.Exit, PersonCategory.Resident).ConfigureAwait(false);
                    await Pass($"d{day}-c{c}-r{i}-in", date, minute + 300, OutbreakScenario.Compounds[c], person, GateDirection.Entry, PersonCategory.Resident).ConfigureAwait(false);
                }
            }

            if (day < 2)
            {
                await Pass($"d{day}-case-out", date, (11 * 60) + 2, OutbreakScenario.Compounds[0], Case, GateDirection.Exit, PersonCategory.Resident).ConfigureAwait(false);
                await Pass($"d{day}-case-market", date, (11 * 60) + 20, OutbreakScenario.Compounds[1], Case, GateDirection.Entry, PersonCategory.Visitor).ConfigureAwait(false);
                await Pass($"d{day}-nb1", date, (11 * 60) + 3, OutbreakScenario.Compounds[0], PersonId.From("r-190"), GateDirection.Exit, PersonCategory.Resident).ConfigureAwait(false);
                await Pass($"d{day}-nb2", date, (11 * 60) + 22, OutbreakScenario.Compounds[1], Neighbour, GateDirection.Entry, PersonCategory.Visitor).ConfigureAwait(false);
            }
        }

        return (calls, recorded);
    }

    /// <summary>The traced neighbour tries to leave compound 04 (no risk area) on day 5 of the follow-up: the gate reads the
    /// status from the follow-up store.</summary>
    private static async Task<GateEvent> ContactLeavesAsync(InMemoryFollowUpStore store, PersonId contact, AccessPolicy access, ZoneTree tree, RiskTimeline timeline, LocalDate date)
    {
        var schedule = await store.FindAsync(contact).ConfigureAwait(false);
        var compound = OutbreakScenario.Compounds[3];
        var request = new AccessRequest
        {
            ZoneIndex = tree.GetIndex(ZoneId.From(compound)),
            Direction = GateDirection.Exit,
            At = date.At(new LocalTime(9, 0)).InZoneStrictly(tree.TimeZone).ToInstant(),
            Person = contact,
            Household = HouseholdId.From("h-" + contact.Value),
            Category = PersonCategory.Resident,
            Operator = Role.PropertyStaff,
            Purpose = OutingPurpose.Shopping,
            TemperatureCelsius = 36.5,
            HealthCode = HealthCodeColour.Green,
            HasPass = true,
            Status = schedule?.StatusOn(date) ?? MonitoringStatus.None,
        };
        var snapshot = timeline.SnapshotOn(date);
        var decision = access.Evaluate(in request, snapshot);
        return new GateEvent("被追踪的密接外出", "a traced close contact goes out", date, compound, snapshot.LevelOf(ZoneId.From(compound)), request, decision);
    }

    /// <summary>The risk levels on the report day of a history whose only case has the activity places the register found.</summary>
    private static List<(ZoneId Zone, RiskLevel Level, bool Residence)> RiskFromTracedPlaces(PolicyEdition edition, ZoneTree tree, CoPresenceResult trace, LocalDate reported)
    {
        var report = new CaseReport { Id = "p-0001", Kind = CaseKind.Confirmed, Reported = reported, Residence = ZoneId.From("500101-001-01-03-1"), Activities = trace.ToActivities() };
        var history = new EpidemicHistoryBuilder(tree, reported).Add(report).Build(reported);
        var timeline = edition.Risk.Evaluate(history, new DateInterval(reported, reported));
        return trace.Gates
            .Select(g => (g, timeline.LevelOf(g, reported), tree.IsWithin(tree.GetIndex(report.Residence), tree.GetIndex(g))))
            .ToList();
    }

    /// <summary>Three arrivals at compound 03: from a high-risk area left 3 days before, a medium-risk area left 8 days
    /// before (day 9 since leaving), and an area whose level is not known yet.</summary>
    private static List<ArrivalAssessment>? Arrivals(MeasureTable measures, DateTimeZone zone, LocalDate date)
    {
        ArrivalRecord Arrival(string key, string person, params (string Place, int LeftDaysBefore, string? Level)[] stops) => new()
        {
            IdempotencyKey = key,
            Person = PersonId.From(person),
            Destination = ZoneId.From(OutbreakScenario.Compounds[2]),
            ArrivedAt = date.At(new LocalTime(16, 0)).InZoneStrictly(zone).ToInstant(),
            Origin = stops[0].Place,
            Itinerary = stops.Select(s => new ItineraryStop { Place = s.Place, From = date.PlusDays(-s.LeftDaysBefore - 3), To = date.PlusDays(-s.LeftDaysBefore), Level = s.Level }).ToList(),
        };

        var arrivals = new[]
        {
            Arrival("arr-1", "a-0001", ("310104", 3, "High")),
            Arrival("arr-2", "a-0002", ("440305", 8, "Medium")),
            Arrival("arr-3", "a-0003", ("510107", 1, null)),
        };
        try
        {
            return arrivals.Select(a => ArrivalAssessment.Assess(a, measures, zone)).ToList();
        }
        catch (ArgumentException ex) when (ex.ParamName == "historyWindowDays")
        {
            return null; // the edition gives an arrival rule no window: the local health authority sets it, not this sample
        }
    }

    private static Instant Start(LocalDate date, DateTimeZone zone) => date.AtStartOfDayInZone(zone).ToInstant();

    /// <summary>The clock that dates the audit entries: the instant of the trace.</summary>
    private sealed class FixedClock : IClock
    {
        private readonly Instant _at;

        public FixedClock(Instant at) => _at = at;

        public Instant GetCurrentInstant() => _at;
    }
}

/// <summary>The registers' part of the run.</summary>
public sealed record RecordsOutcome(
    int AppendCalls,
    int Recorded,
    int Held,
    LocalDate CaseReported,
    CoPresenceResult TraceByCommunityWorker,
    CoPresenceResult Trace,
    int AuditEntries,
    IReadOnlyList<FollowUpSchedule> FollowUps,
    GateEvent? ContactAtGate,
    IReadOnlyList<(ZoneId Zone, RiskLevel Level, bool Residence)> TracedPlaces,
    IReadOnlyList<ArrivalAssessment>? Arrivals);
