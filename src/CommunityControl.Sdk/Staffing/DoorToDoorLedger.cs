using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// The book of door-to-door service for sealed households (代购代送, 服务上门): requests, group-buy batches per building
/// closed at daily cut-off times, assignment to volunteers, and delivery confirmations.
/// </summary>
/// <remarks>
/// <para>Units are conserved: for every request and in total, ordered = delivered + outstanding, whatever the order or
/// concurrency of the calls. A request joins the batch of its building whose cut-off is the first at or after the
/// request (the day's cut-off times in <see cref="TimeZone"/>); an urgent request joins no batch and is delivered on its own.</para>
/// <para>The requests feed the staffing plan's door-to-door demand: <see cref="DeliveryWorkload"/> turns the requests of
/// a period into the <see cref="Workload"/> that <see cref="StaffingPolicyBuilder.WithDoorToDoor"/> takes, in place of
/// an assumed number of deliveries per household.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Safe for concurrent use: one lock guards every call.</threadsafety>
public sealed class DoorToDoorLedger
{
    private readonly object _lock = new();
    private readonly Dictionary<string, Entry> _requests = new(StringComparer.Ordinal);
    private readonly LocalTime[] _cutOffs;
    private long _ordered;
    private long _delivered;

    /// <summary>Creates an empty ledger.</summary>
    /// <param name="timeZone">The time zone of the cut-off times.</param>
    /// <param name="cutOffs">The daily cut-off times of the group-buy batches; at least one (no default: each community sets its own).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="cutOffs"/> is empty.</exception>
    public DoorToDoorLedger(DateTimeZone timeZone, IEnumerable<LocalTime> cutOffs)
    {
        TimeZone = Guard.NotNull(timeZone);
        _cutOffs = Guard.NotNull(cutOffs).Distinct().OrderBy(t => t).ToArray();
        if (_cutOffs.Length == 0)
        {
            throw new ArgumentException("At least one daily cut-off time is required.", nameof(cutOffs));
        }
    }

    /// <summary>Gets the time zone of the cut-off times.</summary>
    public DateTimeZone TimeZone { get; }

    /// <summary>Gets the units ordered, the units delivered and the units outstanding, read together.</summary>
    /// <returns>The three totals; ordered = delivered + outstanding.</returns>
    public (long Ordered, long Delivered, long Outstanding) Totals()
    {
        lock (_lock)
        {
            return (_ordered, _delivered, _ordered - _delivered);
        }
    }

    /// <summary>Records a request once per id.</summary>
    /// <param name="request">The request.</param>
    /// <returns>True when recorded; false when a request with the same id was recorded before (the first is kept).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The request's instant is not on a day from 1900-01-01 to 2199-12-31 (UTC).</exception>
    public bool Submit(HouseholdRequest request)
    {
        Guard.NotNull(request);
        if (Check.Instant(request.At) is { } problem)
        {
            throw new ArgumentOutOfRangeException(nameof(request), "The request's instant: " + problem);
        }

        var cutOff = request.IsUrgent ? (Instant?)null : CutOffAfter(request.At);
        lock (_lock)
        {
            if (_requests.ContainsKey(request.Id))
            {
                return false;
            }

            _requests.Add(request.Id, new Entry(request, cutOff));
            _ordered += request.Quantity;
            return true;
        }
    }

    /// <summary>Gets the cut-off of the batch a request is in, or null for an urgent request (delivered on its own).</summary>
    /// <param name="requestId">The request's id.</param>
    /// <returns>The cut-off instant, or null.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No request has that id.</exception>
    public Instant? BatchOf(string requestId)
    {
        lock (_lock)
        {
            return Find(requestId).CutOff;
        }
    }

    /// <summary>Assigns a request to a volunteer (again: the new volunteer replaces the old).</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="volunteer">The volunteer.</param>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="volunteer"/> is empty.</exception>
    /// <exception cref="KeyNotFoundException">No request has that id.</exception>
    public void Assign(string requestId, PersonId volunteer)
    {
        CheckVolunteer(volunteer);
        lock (_lock)
        {
            Find(requestId).Volunteer = volunteer;
        }
    }

    /// <summary>Assigns every request of a building's batch that is not yet fully delivered to a volunteer.</summary>
    /// <param name="building">The building.</param>
    /// <param name="cutOff">The batch's cut-off (see <see cref="BatchOf"/>).</param>
    /// <param name="volunteer">The volunteer.</param>
    /// <returns>The number of requests assigned.</returns>
    /// <exception cref="ArgumentException"><paramref name="volunteer"/> is empty.</exception>
    public int AssignBatch(ZoneId building, Instant cutOff, PersonId volunteer)
    {
        CheckVolunteer(volunteer);
        lock (_lock)
        {
            var count = 0;
            foreach (var e in _requests.Values.Where(e => e.Request.Building == building && e.CutOff == cutOff && e.Delivered < e.Request.Quantity))
            {
                e.Volunteer = volunteer;
                count++;
            }

            return count;
        }
    }

    /// <summary>Confirms the delivery of some units of an assigned request.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <param name="quantity">The units delivered now: 1 up to the units outstanding.</param>
    /// <returns>The units still outstanding on the request.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No request has that id.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="quantity"/> is less than 1 or more than outstanding.</exception>
    /// <exception cref="InvalidOperationException">The request is not assigned to a volunteer.</exception>
    public int ConfirmDelivery(string requestId, int quantity)
    {
        lock (_lock)
        {
            var e = Find(requestId);
            var outstanding = e.Request.Quantity - e.Delivered;
            if (quantity < 1 || quantity > outstanding)
            {
                throw new ArgumentOutOfRangeException(nameof(quantity), quantity, $"The units delivered must be 1 to the {outstanding} outstanding.");
            }

            if (e.Volunteer.IsEmpty)
            {
                throw new InvalidOperationException("The request is not assigned to a volunteer; assign it before confirming a delivery.");
            }

            e.Delivered += quantity;
            _delivered += quantity;
            return outstanding - quantity;
        }
    }

    /// <summary>Gets a request's units outstanding.</summary>
    /// <param name="requestId">The request's id.</param>
    /// <returns>The units ordered and not yet delivered.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="requestId"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">No request has that id.</exception>
    public int OutstandingOf(string requestId)
    {
        lock (_lock)
        {
            var e = Find(requestId);
            return e.Request.Quantity - e.Delivered;
        }
    }

    /// <summary>
    /// Turns the requests made in a period into door-to-door delivery work: one delivery per request to the household's
    /// door, spread over the households served, as the plan's per-household workload.
    /// </summary>
    /// <param name="period">The days whose requests count (in <see cref="TimeZone"/>).</param>
    /// <param name="households">The sealed households served; at least 1.</param>
    /// <param name="timeEach">The time one delivery takes; more than zero.</param>
    /// <returns>A <see cref="WorkKind.Delivery"/> workload per household with <see cref="Workload.TimesPerDay"/> = requests ÷ (households × days).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="period"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="households"/> is less than 1, or <paramref name="timeEach"/> is not positive.</exception>
    public Workload DeliveryWorkload(DateInterval period, int households, Duration timeEach)
    {
        Guard.NotNull(period);
        Guard.InRange(households, 1, int.MaxValue);
        if (timeEach <= Duration.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeEach), timeEach, "The time of one delivery must be more than zero.");
        }

        int requests;
        lock (_lock)
        {
            requests = _requests.Values.Count(e => period.Contains(e.Request.At.InZone(TimeZone).Date));
        }

        return new Workload { Kind = WorkKind.Delivery, Basis = WorkloadBasis.PerHousehold, TimesPerDay = (double)requests / households / period.Length, TimeEach = timeEach };
    }

    /// <summary>Describes the totals in Chinese or English.</summary>
    /// <param name="culture">A <c>zh</c> culture for Chinese, any other for English.</param>
    /// <returns>E.g. <c>代购代送：12 单，订购 30 件，已送达 20 件，待送 10 件。</c></returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Describe(System.Globalization.CultureInfo culture)
    {
        Guard.NotNull(culture);
        int count;
        long ordered, delivered;
        lock (_lock)
        {
            (count, ordered, delivered) = (_requests.Count, _ordered, _delivered);
        }

        return SupportText.Requests(count, ordered, delivered, culture);
    }

    /// <summary>Returns the totals (no id).</summary>
    /// <returns>E.g. <c>DoorToDoorLedger (12 requests; 30 ordered, 20 delivered, 10 outstanding)</c>.</returns>
    public override string ToString()
    {
        lock (_lock)
        {
            return $"DoorToDoorLedger ({_requests.Count} requests; {_ordered} ordered, {_delivered} delivered, {_ordered - _delivered} outstanding)";
        }
    }

    private static void CheckVolunteer(PersonId volunteer)
    {
        if (volunteer.IsEmpty)
        {
            throw new ArgumentException("The volunteer id must not be empty.", nameof(volunteer));
        }
    }

    private Instant CutOffAfter(Instant at)
    {
        var local = at.InZone(TimeZone).LocalDateTime;
        foreach (var day in new[] { local.Date, local.Date.PlusDays(1) })
        {
            foreach (var time in _cutOffs)
            {
                var cut = TimeZone.AtLeniently(day.At(time)).ToInstant();
                if (cut >= at)
                {
                    return cut;
                }
            }
        }

        return TimeZone.AtLeniently(local.Date.PlusDays(2).At(_cutOffs[0])).ToInstant();
    }

    private Entry Find(string requestId)
    {
        Guard.NotNull(requestId);
        return _requests.TryGetValue(requestId, out var e) ? e : throw new KeyNotFoundException("No request has that id.");
    }

    private sealed class Entry
    {
        public Entry(HouseholdRequest request, Instant? cutOff) => (Request, CutOff) = (request, cutOff);

        public HouseholdRequest Request { get; }

        public Instant? CutOff { get; }

        public PersonId Volunteer { get; set; }

        public int Delivered { get; set; }
    }
}
