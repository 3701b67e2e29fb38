using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Authority;
using CommunityControl.Internal;
using CommunityControl.Measures;
using CommunityControl.Risk;
using NodaTime;

namespace CommunityControl.Access;

/// <summary>
/// Decides, for one person at one gate at one instant, whether to let the person pass: from the measures of the level
/// at the gate's zone (a <see cref="MeasureTable"/>), the person's status and exposure, the household's outings, and the
/// powers of the gate's operator (an <see cref="AuthorityPolicy"/>).
/// </summary>
/// <remarks>
/// <para>Every violated rule is reported in <see cref="AccessDecision.Reasons"/>. The outcome is
/// <see cref="AccessOutcome.Deny"/> when any rule blocks passage; <see cref="AccessOutcome.AllowWithObligations"/> when
/// only obligations remain (register, record the outing, begin home observation …); <see cref="AccessOutcome.Allow"/>
/// otherwise; and <see cref="AccessOutcome.Escalate"/> whenever the decision needs a permission the operator lacks (to
/// refuse passage, order observation, compel isolation), naming the roles that hold it.</para>
/// <para>A temperature that is missing where the level checks it, or any supplied reading that is not a number or lies
/// outside the plausible range (the level's, or <see cref="TemperatureCheck.DefaultPlausibleMinimumCelsius"/>–<see
/// cref="TemperatureCheck.DefaultPlausibleMaximumCelsius"/> where the level sets no check), in any direction and for any
/// category, is never an allow: the decision is a denial with <see cref="AccessObligations.Remeasure"/>, and no exception.
/// Whoever is under centralized quarantine passes in no direction and no category. A denial carries no obligation that
/// only follows a granted passage (escort to the pickup point, dedicated vehicle, record the outing).</para>
/// <para>What the rules mean at the gate:</para>
/// <list type="bullet">
/// <item>Temperature and health code: people coming in, and residents going out where the check says so.</item>
/// <item>Stay home (足不出户): residents go out only for the measure's purposes, with approval (and a dedicated vehicle);
/// visitors and couriers do not come in (couriers hand over at the gate); staff do.</item>
/// <item>Stay in the area (人不出区): residents leave only for the measure's purposes, with approval; going to the pickup
/// point (<see cref="OutingPurpose.SupplyPickup"/>) is allowed, escorted.</item>
/// <item>Closed management: residents go out only for the listed purposes.</item>
/// <item>Outing quota: a resident's exit for a purpose that is not exempt counts against the household's quota.</item>
/// <item>Night closure: residents' exits, and entries unless it is a curfew, are refused unless the purpose is exempt.</item>
/// <item>Exposure (contacts, arrivals from risk areas): a person not yet under a status who comes in is registered and
/// reported; the edition's plan decides whether the person is transferred to centralized quarantine (refused entry),
/// goes home to begin observation, or takes tests.</item>
/// </list>
/// <para><see cref="Evaluate"/> does not allocate, box or build strings (but for one small object the first time it
/// meets a snapshot, to check request instants against its date), and reads the outing ledger without changing it;
/// <see cref="EvaluateAndRecord"/> also records a granted outing atomically (or closes a returning resident's).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable; safe to share between threads.</threadsafety>
public sealed class AccessPolicy
{
    private const AccessReasons NonBlocking = AccessReasons.OutingOverdue | AccessReasons.ExposureNeedsHomeObservation | AccessReasons.ExposureNeedsTests;

    private const AccessObligations GrantOnly = AccessObligations.EscortToPickupPoint | AccessObligations.ArrangeDedicatedVehicle
        | AccessObligations.RecordOuting | AccessObligations.ReturnWithinLimit;

    // Per severity, the level's compiled rules; null for a severity the policy's scale does not define.
    private readonly LevelRules?[] _levels;
    private readonly PlanRule?[] _plans;
    private readonly RiskScale _scale;
    private readonly Permissions[]? _operatorPermissions;
    private DayWindow? _window;

    private AccessPolicy(MeasureTable measures, AuthorityPolicy authority, bool tabled = true)
    {
        Measures = measures;
        Authority = authority;
        _scale = measures.Scale;
        _levels = new LevelRules?[RiskLevel.MaxSeverity + 1];
        for (var s = 0; s < _levels.Length; s++)
        {
            var level = RiskLevel.FromSeverity(s);
            if (level.IsNone || _scale.Defines(level))
            {
                _levels[s] = new LevelRules(measures.For(level), s, tabled);
            }
        }

        _operatorPermissions = authority.HasDynamicGrants ? null : authority.StandingWhileMeasuresInForce();
        _plans = new PlanRule?[(int)ExposureCategory.ArrivedFromOutbreakCity + 1];
        foreach (var pair in measures.Plans)
        {
            _plans[(int)pair.Key] = new PlanRule(pair.Value);
        }
    }

    /// <summary>Gets the measures the policy applies.</summary>
    public MeasureTable Measures { get; }

    /// <summary>Gets who may do what at the gate.</summary>
    public AuthorityPolicy Authority { get; }

    /// <summary>Creates a policy from a measure table and an authority policy.</summary>
    /// <param name="measures">The measures, e.g. <c>PolicyEditions.Get("cn-2022-06-ninth-edition").Measures</c>.</param>
    /// <param name="authority">The powers; null for <see cref="AuthorityPolicy.ChinaInfectiousDiseaseLaw2013"/>.</param>
    /// <returns>The policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="measures"/> is null.</exception>
    public static AccessPolicy Create(MeasureTable measures, AuthorityPolicy? authority = null)
        => new(Guard.NotNull(measures), authority ?? AuthorityPolicy.ChinaInfectiousDiseaseLaw2013);

    /// <summary>
    /// Creates a policy that works out a resident's exit under stay home, stay in the area, closed management and the
    /// pass on every request, instead of reading it from each level's table: the general path the tables are made from,
    /// for tests that compare the two.
    /// </summary>
    internal static AccessPolicy CreateUntabled(MeasureTable measures, AuthorityPolicy? authority = null)
        => new(Guard.NotNull(measures), authority ?? AuthorityPolicy.ChinaInfectiousDiseaseLaw2013, tabled: false);

    /// <summary>Creates a policy from options (the JSON binding shape).</summary>
    /// <param name="options">The options.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid (every problem is listed, with its path).</exception>
    public static AccessPolicy FromOptions(AccessPolicyOptions options)
    {
        Guard.NotNull(options);
        var problems = new List<(string Path, string Message)>();
        var policy = TryCreate(options, problems);
        if (policy is null)
        {
            throw new ModelValidationException(typeof(AccessPolicy), problems.ConvertAll(p => $"{p.Path}: {p.Message}"));
        }

        return policy;
    }

    /// <summary>
    /// Decides one request. Reads the ledger (when a quota applies) but changes nothing: use
    /// <see cref="EvaluateAndRecord"/> at a gate that records outings.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="snapshot">The risk levels on the request's date, on the policy's scale.</param>
    /// <param name="outings">The outing ledger; required where an outing quota applies to a resident's exit or return.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> is null, or <paramref name="outings"/> is null where a quota applies.</exception>
    /// <exception cref="ArgumentException">The snapshot's scale is not the policy's (compared by content: id, severities,
    /// codes and names) or the snapshot holds a level its scale does not define; the request's zone index is outside the
    /// tree; its direction or category is unknown; an enum (the operator's role included) holds an undefined value; its
    /// instant falls outside the snapshot's date in the tree's time zone; or a resident's household id is empty where a
    /// quota applies.</exception>
    public AccessDecision Evaluate(in AccessRequest request, RiskSnapshot snapshot, IOutingLedger? outings = null)
    {
        if (AccessTelemetry.IsObserved)
        {
            return EvaluateObserved(in request, snapshot, outings);
        }

        // Nobody listens: no activity, no try/finally, no copy of the decision for the instruments.
        var level = Prepare(in request, snapshot);
        return Decide(in request, snapshot, level, outings);
    }

    /// <summary>
    /// Decides one request and keeps the ledger: when a resident's exit is allowed and counts against the quota, the
    /// quota is checked again and the outing recorded in one atomic step (if another gate took the last place meanwhile,
    /// the decision becomes a denial with <see cref="AccessReasons.OutingQuotaExhausted"/>); when a resident is let back
    /// in, the open outing is closed.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="snapshot">The risk levels on the request's date.</param>
    /// <param name="outings">The outing ledger.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="outings"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate"/>.</exception>
    public AccessDecision EvaluateAndRecord(in AccessRequest request, RiskSnapshot snapshot, IOutingLedger outings)
    {
        using var activity = AccessTelemetry.StartEvaluate();
        var decision = DecideAndRecord(in request, snapshot, outings);
        AccessTelemetry.Record(request.Direction, in decision, activity);
        return decision;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision EvaluateObserved(in AccessRequest request, RiskSnapshot snapshot, IOutingLedger? outings)
    {
        using var activity = AccessTelemetry.StartEvaluate();
        var level = Prepare(in request, snapshot);
        var decision = Decide(in request, snapshot, level, outings);
        AccessTelemetry.Record(request.Direction, in decision, activity);
        return decision;
    }

    private AccessDecision DecideAndRecord(in AccessRequest request, RiskSnapshot snapshot, IOutingLedger outings)
    {
        Guard.NotNull(outings);
        var level = Prepare(in request, snapshot);
        var decision = Decide(in request, snapshot, level, outings);
        if (!decision.IsAllowed || request.Category != PersonCategory.Resident)
        {
            return decision;
        }

        if (request.Direction == GateDirection.Entry)
        {
            if (!request.Household.IsEmpty && !request.Person.IsEmpty)
            {
                outings.TryEndOuting(request.Household, request.Person, request.At, out _);
            }

            return decision;
        }

        if ((decision.Obligations & AccessObligations.RecordOuting) == 0)
        {
            return decision;
        }

        var rules = _levels[level.Severity]!;
        var granted = outings.TryStartOuting(request.Household, request.Person, request.At, rules.QuotaPersons, QuotaWindow(rules, request.At, snapshot), out _);
        AccessTelemetry.RecordOuting(granted);
        if (granted)
        {
            return decision;
        }

        var reasons = decision.Reasons | AccessReasons.OutingQuotaExhausted;
        var obligations = decision.Obligations & ~(AccessObligations.RecordOuting | AccessObligations.ReturnWithinLimit);
        return Finish(in request, snapshot, level, reasons, obligations, Permissions.Check);
    }

    /// <summary>
    /// Decides one request and keeps an asynchronous (for example database) ledger, as <see cref="EvaluateAndRecord"/>
    /// does for a synchronous one: the ledger is read first (the household's count for a resident's exit, the open
    /// outing for a return), then, when the exit is allowed and counts against the quota, the quota is checked again
    /// and the outing recorded in one atomic step (<see cref="IOutingLedgerAsync.TryStartOutingAsync"/>).
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="snapshot">The risk levels on the request's date.</param>
    /// <param name="outings">The outing ledger.</param>
    /// <param name="requestKey">The gate request's idempotency key, or null. A retry with the key of a request whose
    /// outing was recorded is allowed again (with the same reasons and obligations) and records nothing new.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="outings"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate"/>; or <paramref name="requestKey"/> is not 1 to 64 characters.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Thread-safe; allocates (unlike <see cref="Evaluate"/>): use it where the ledger is remote.</remarks>
    public async ValueTask<AccessDecision> EvaluateAndRecordAsync(AccessRequest request, RiskSnapshot snapshot, IOutingLedgerAsync outings, string? requestKey = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(outings);
        var level = Prepare(in request, snapshot);
        var rules = _levels[level.Severity]!;
        var window = rules.HasQuota ? QuotaWindow(rules, request.At, snapshot) : null;
        var view = await ReadLedgerAsync(request, rules, window, outings, cancellationToken).ConfigureAwait(false);
        var decision = Decide(in request, snapshot, level, view);
        if (request.Category != PersonCategory.Resident)
        {
            return decision;
        }

        if (!decision.IsAllowed)
        {
            // A retry whose outing was recorded may now find the quota used up by that very outing: ask the ledger.
            if (requestKey is null || request.Direction != GateDirection.Exit || decision.Reasons != AccessReasons.OutingQuotaExhausted
                || await outings.TryStartOutingAsync(request.Household, request.Person, request.At, rules.QuotaPersons, window, requestKey, cancellationToken).ConfigureAwait(false) is null)
            {
                return decision;
            }

            return Decide(in request, snapshot, level, new LedgerView(0, null));
        }

        if (request.Direction == GateDirection.Entry)
        {
            if (!request.Household.IsEmpty && !request.Person.IsEmpty)
            {
                await outings.TryEndOutingAsync(request.Household, request.Person, request.At, cancellationToken).ConfigureAwait(false);
            }

            return decision;
        }

        if ((decision.Obligations & AccessObligations.RecordOuting) == 0)
        {
            return decision;
        }

        if (await outings.TryStartOutingAsync(request.Household, request.Person, request.At, rules.QuotaPersons, window, requestKey, cancellationToken).ConfigureAwait(false) is not null)
        {
            return decision;
        }

        var reasons = decision.Reasons | AccessReasons.OutingQuotaExhausted;
        var obligations = decision.Obligations & ~(AccessObligations.RecordOuting | AccessObligations.ReturnWithinLimit);
        return Finish(in request, snapshot, level, reasons, obligations, Permissions.Check);
    }

    /// <summary>
    /// Decides one request against an asynchronous (for example database) ledger, as <see cref="Evaluate"/> does against
    /// a synchronous one: the ledger is read (the household's count for a resident's exit, the open outing for a
    /// return) and nothing is recorded.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="snapshot">The risk levels on the request's date.</param>
    /// <param name="outings">The outing ledger.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The decision.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="snapshot"/> or <paramref name="outings"/> is null.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Evaluate"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>Thread-safe; allocates (unlike <see cref="Evaluate"/>): use it where the ledger is remote.</remarks>
    public async ValueTask<AccessDecision> EvaluateAsync(AccessRequest request, RiskSnapshot snapshot, IOutingLedgerAsync outings, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(outings);
        var level = Prepare(in request, snapshot);
        var rules = _levels[level.Severity]!;
        var window = rules.HasQuota ? QuotaWindow(rules, request.At, snapshot) : null;
        var view = await ReadLedgerAsync(request, rules, window, outings, cancellationToken).ConfigureAwait(false);
        return Decide(in request, snapshot, level, view);
    }

    /// <summary>Returns the edition and scale.</summary>
    /// <returns>E.g. <c>AccessPolicy cn-2022-06-ninth-edition on cn-low-medium-high</c>.</returns>
    public override string ToString() => $"AccessPolicy {Measures.Edition ?? "(no edition)"} on {_scale.Id}";

    internal static AccessPolicy? TryCreate(AccessPolicyOptions options, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        MeasureTable? measures = null;
        if (options.Measures is null)
        {
            problems.Add(("$.measures", "The measure table is required."));
        }
        else
        {
            measures = MeasureTable.TryCreate(options.Measures, null, "$.measures", problems);
        }

        var authority = options.Authority is null
            ? AuthorityPolicy.ChinaInfectiousDiseaseLaw2013
            : AuthorityPolicyOptions.TryBuild(options.Authority, "$.authority", problems);
        return problems.Count == before ? new AccessPolicy(measures!, authority!) : null;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private RiskLevel Prepare(in AccessRequest request, RiskSnapshot snapshot)
    {
        if (snapshot is null)
        {
            ThrowNull(nameof(snapshot));
        }

        // The snapshot's scale is compared once per snapshot, when its day window is built: a snapshot is immutable.
        var window = Volatile.Read(ref _window);
        if (window is null || !ReferenceEquals(window.Snapshot, snapshot))
        {
            window = Meet(snapshot);
        }

        if (unchecked((uint)request.ZoneIndex >= (uint)snapshot.Tree.Count)
            || request.Direction is not (GateDirection.Entry or GateDirection.Exit)
            || request.Category is < PersonCategory.Resident or > PersonCategory.Staff
            || unchecked((uint)request.Operator > (uint)Role.Cdc)
            || unchecked((uint)request.Purpose > (uint)OutingPurpose.Delivery)
            || unchecked((uint)request.HealthCode > (uint)HealthCodeColour.Invalid)
            || unchecked((uint)request.Status > (uint)MonitoringStatus.SelfHealthMonitoring)
            || unchecked((uint)request.Exposure > (uint)ExposureCategory.ArrivedFromOutbreakCity)
            || unchecked((uint)request.Venue > (uint)VenueKind.Other))
        {
            ThrowRequest(in request, snapshot.Tree.Count, nameof(request));
        }

        var ticks = request.At.ToUnixTimeTicks();
        if (!(ticks >= window.From && ticks < window.To) && !IsOnDateExactly(request.At, snapshot))
        {
            ThrowArgument("The request's instant falls outside the snapshot's date in the tree's time zone: evaluate it against the snapshot of its own date.", nameof(request));
        }

        var level = snapshot.LevelAt(request.ZoneIndex);
        if (_levels[level.Severity] is null)
        {
            ThrowArgument("The snapshot holds a level its scale does not define.", nameof(snapshot));
        }

        return level;
    }

    /// <summary>
    /// Meets a snapshot other than the last one seen: checks its scale against the policy's (by content) and keeps the
    /// window of its date, so that for the following requests on it the date test is two comparisons of ticks (the
    /// window is an immutable object, so threads may replace it freely; an instant outside it is tested exactly, with no
    /// NodaTime range error at the ends of time).
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private DayWindow Meet(RiskSnapshot snapshot)
    {
        if (!RiskScaleContent.Same(snapshot.Scale, _scale))
        {
            ThrowScale(snapshot.Scale, nameof(snapshot));
        }

        var window = new DayWindow(snapshot, _levels);
        Volatile.Write(ref _window, window);
        return window;
    }

    /// <summary>The exact test: the instant's local date, by its offset, is the snapshot's date.</summary>
    private static bool IsOnDateExactly(Instant at, RiskSnapshot snapshot)
    {
        var dayStart = snapshot.Date.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks();
        var ticks = at.ToUnixTimeTicks();
        if (ticks < dayStart - (2 * NodaConstants.TicksPerDay) || ticks > dayStart + (2 * NodaConstants.TicksPerDay))
        {
            return false;
        }

        var local = ticks + snapshot.Tree.TimeZone.GetUtcOffset(at).Ticks;
        return local >= dayStart && local < dayStart + NodaConstants.TicksPerDay;
    }

    /// <summary>
    /// The outings that count against a level's quota at an instant already checked to fall on the snapshot's date: a
    /// rolling window is arithmetic; a calendar window depends on the date only, so it comes with the snapshot's day
    /// window (computed again, allocating, only if another thread replaced that window meanwhile).
    /// </summary>
    private OutingWindow? QuotaWindow(LevelRules rules, Instant at, RiskSnapshot snapshot)
    {
        if (!rules.QuotaHasInterval)
        {
            return null;
        }

        if (rules.QuotaCalendarDays == 0)
        {
            return OutingWindow.Rolling(at, rules.QuotaInterval);
        }

        var day = Volatile.Read(ref _window);
        if (day is null || !ReferenceEquals(day.Snapshot, snapshot))
        {
            return OutingWindow.CalendarDays(snapshot.Date, rules.QuotaCalendarDays, snapshot.Tree.TimeZone);
        }

        return day.Calendar[rules.Severity];
    }

    /// <summary>Local time of day of an instant already checked to fall on the snapshot's date.</summary>
    private static LocalTime LocalTimeOf(Instant at, RiskSnapshot snapshot)
    {
        var dayStart = snapshot.Date.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks();
        var local = at.ToUnixTimeTicks() + snapshot.Tree.TimeZone.GetUtcOffset(at).Ticks;
        return LocalTime.FromTicksSinceMidnight(local - dayStart);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNull(string paramName) => throw new ArgumentNullException(paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowRequest(in AccessRequest request, int zones, string paramName)
    {
        if (unchecked((uint)request.ZoneIndex >= (uint)zones))
        {
            throw new ArgumentException($"The request's zone index {request.ZoneIndex} is outside the snapshot's tree of {zones} zones.", paramName);
        }

        if (request.Direction is not (GateDirection.Entry or GateDirection.Exit))
        {
            throw new ArgumentException($"The request's direction must be Entry or Exit; it was {request.Direction}.", paramName);
        }

        if (request.Category is < PersonCategory.Resident or > PersonCategory.Staff)
        {
            throw new ArgumentException($"The request's person category must be Resident, Visitor, Courier or Staff; it was {request.Category}.", paramName);
        }

        if (unchecked((uint)request.Operator > (uint)Role.Cdc))
        {
            throw new ArgumentException("The request's operator role is not a defined Role.", paramName);
        }

        throw new ArgumentException("The request holds an undefined purpose, health-code colour, status, exposure or venue.", paramName);
    }

    private AccessDecision Decide(in AccessRequest r, RiskSnapshot snapshot, RiskLevel level, IOutingLedger? outings)
    {
        var rules = _levels[level.Severity]!;
        var entry = r.Direction == GateDirection.Entry;
        var resident = r.Category == PersonCategory.Resident;
        var purpose = 1 << (int)r.Purpose;
        var v = Readings(in r, rules, entry, resident);
        if (entry)
        {
            v |= Entry(in r, rules, purpose, snapshot, outings);
        }
        else if (resident)
        {
            v |= Exit(in r, rules, purpose, snapshot, outings);
        }

        if (r.Status == MonitoringStatus.CentralizedQuarantine && (v.Reasons & AccessReasons.UnderCentralizedQuarantine) == 0)
        {
            // Whoever is under centralized quarantine passes in no direction and no category.
            v |= Status(in r, entry);
        }

        return Finish(in r, snapshot, level, v.Reasons, v.Obligations, v.Need);
    }

    /// <summary>What the gate read: the temperature (plausible, then above the threshold), the health code and a venue's checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Verdict Readings(in AccessRequest r, LevelRules rules, bool entry, bool resident)
    {
        var reasons = AccessReasons.None;
        var obligations = AccessObligations.None;
        var need = Permissions.None;
        var measured = r.TemperatureCelsius.HasValue;
        var reading = r.TemperatureCelsius.GetValueOrDefault();
        var plausible = reading >= rules.PlausibleMinimum && reading <= rules.PlausibleMaximum;
        if (measured && !plausible)
        {
            // A reading supplied with the request is checked whatever the level, direction or category: never an allow.
            need |= Permissions.Check;
            reasons |= AccessReasons.TemperatureImplausible;
            obligations |= AccessObligations.Remeasure;
        }

        if (entry || resident)
        {
            if (entry ? rules.TemperatureOnEntry : rules.TemperatureOnExit)
            {
                need |= Permissions.Check;
                if (!measured)
                {
                    reasons |= AccessReasons.TemperatureNotMeasured;
                    obligations |= AccessObligations.Remeasure;
                }

                // Selected, not branched on: a fever is as likely as not.
                var fever = measured & plausible & (reading > rules.FeverAbove);
                reasons |= fever ? AccessReasons.FeverAboveThreshold : AccessReasons.None;
                obligations |= fever ? AccessObligations.ReportFeverToCommunity : AccessObligations.None;
            }

            if (entry ? rules.CodeOnEntry : rules.CodeOnExit)
            {
                need |= Permissions.Check;
                reasons |= CheckCode(r.HealthCode, rules.AcceptedColours);
            }
        }

        if (entry && (rules.VenueMask & (1 << (int)r.Venue)) != 0)
        {
            need |= Permissions.Check;
            if (rules.VenueCode)
            {
                reasons |= CheckCode(r.HealthCode, 1 << (int)HealthCodeColour.Green);
            }

            if (rules.VenueTestValidity is { } validity && !TestValid(r.NegativeTestSampledAt, r.At, validity))
            {
                reasons |= AccessReasons.NegativeTestMissing;
            }
        }

        return new Verdict(reasons, obligations, need);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Verdict Entry(in AccessRequest r, LevelRules rules, int purpose, RiskSnapshot snapshot, IOutingLedger? outings)
    {
        var reasons = AccessReasons.None;
        var obligations = AccessObligations.None;
        var need = Permissions.None;
        switch (r.Category)
        {
            case PersonCategory.Resident:
                if (rules.PassOnEntry)
                {
                    need |= Permissions.Check;
                    if (!r.HasPass)
                    {
                        reasons |= AccessReasons.PassMissing;
                    }
                }

                if (rules.Quota?.MaxAbsence is { } maxAbsence && (rules.QuotaExempt & purpose) == 0)
                {
                    var ledger = RequireLedger(outings, in r);
                    if (ledger.TryGetOpenOuting(r.Household, r.Person, out var open) && r.At - open.Start > maxAbsence)
                    {
                        reasons |= AccessReasons.OutingOverdue;
                        obligations |= AccessObligations.Register;
                    }
                }

                break;
            case PersonCategory.Visitor:
                if (rules.StayHome || rules.Visitors == VisitorPolicy.Barred)
                {
                    if (!rules.StayHome && (rules.VisitorSpecialReasons & purpose) != 0)
                    {
                        obligations |= AccessObligations.Register;
                    }
                    else
                    {
                        reasons |= rules.StayHome ? AccessReasons.StayHomeOrder : AccessReasons.VisitorBarred;
                    }
                }
                else if (rules.Visitors == VisitorPolicy.AdmittedOnResidentConfirmation)
                {
                    if (r.ConfirmedByResident)
                    {
                        obligations |= AccessObligations.Register;
                    }
                    else
                    {
                        reasons |= AccessReasons.VisitorNotConfirmed;
                    }
                }

                break;
            case PersonCategory.Courier:
                var courier = Courier(rules);
                reasons |= courier.Reasons;
                obligations |= courier.Obligations;
                break;
        }

        if (rules.Night is { } night && night.ClosesEntries && (rules.NightExempt & purpose) == 0 && night.IsClosedAt(LocalTimeOf(r.At, snapshot)))
        {
            reasons |= AccessReasons.NightClosure;
        }

        if ((rules.RegisteredCategories & (1 << (int)r.Category)) != 0)
        {
            obligations |= AccessObligations.Register;
        }

        if (r.Category is PersonCategory.Resident or PersonCategory.Visitor && (r.Status != MonitoringStatus.None || r.Exposure != ExposureCategory.None))
        {
            var status = Status(in r, entry: true);
            reasons |= status.Reasons;
            obligations |= status.Obligations;
            need |= status.Need;
        }

        return new Verdict(reasons, obligations, need);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Verdict Exit(in AccessRequest r, LevelRules rules, int purpose, RiskSnapshot snapshot, IOutingLedger? outings)
    {
        // Stay home, stay in the area, closed management and the pass depend on the purpose, the approval and the pass
        // alone: the level has them in a table, made by LevelRules.ExitPart (one read instead of their branches).
        var v = rules.ExitParts is { } parts
            ? parts[LevelRules.ExitKey(r.Purpose, r.HasExitApproval, r.HasPass)]
            : rules.ExitPart(r.Purpose, r.HasExitApproval, r.HasPass);
        if (r.Status != MonitoringStatus.None)
        {
            v |= Status(in r, entry: false);
        }

        if (rules.HasQuota && (rules.QuotaExempt & purpose) == 0)
        {
            v |= Quota(in r, rules, snapshot, outings);
        }

        if (rules.Night is { } night && (rules.NightExempt & purpose) == 0 && night.IsClosedAt(LocalTimeOf(r.At, snapshot)))
        {
            v |= new Verdict(AccessReasons.NightClosure, AccessObligations.None, Permissions.None);
        }

        if (rules.HasLeaveCityTest && r.Purpose == OutingPurpose.LeaveCity && !TestValid(r.NegativeTestSampledAt, r.At, rules.LeaveCityValidity))
        {
            v |= new Verdict(AccessReasons.NegativeTestMissing, AccessObligations.None, Permissions.None);
        }

        return v;
    }

    /// <summary>A resident's exit against the outing quota: exhausted, or granted with the outing to record.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Verdict Quota(in AccessRequest r, LevelRules rules, RiskSnapshot snapshot, IOutingLedger? outings)
    {
        if (outings is null || r.Household.IsEmpty || r.Person.IsEmpty)
        {
            ThrowQuotaInput(outings, nameof(outings), "request");
        }

        int used;
        if (!rules.QuotaHasInterval)
        {
            used = outings.CountOpenOutings(r.Household);
        }
        else if (rules.QuotaCalendarDays == 0)
        {
            // The interval was checked positive when the table was built.
            used = outings.CountOutings(r.Household, OutingWindow.RollingTrusted(r.At, rules.QuotaInterval));
        }
        else
        {
            used = outings.CountOutings(r.Household, QuotaWindow(rules, r.At, snapshot).GetValueOrDefault());
        }

        var exhausted = used >= rules.QuotaPersons;
        return new Verdict(exhausted ? AccessReasons.OutingQuotaExhausted : AccessReasons.None, exhausted ? AccessObligations.None : rules.QuotaGrant, Permissions.None);
    }

    /// <summary>A courier coming in: hands over at the gate under stay home or stay in the area, unless the level says how.</summary>
    private static Verdict Courier(LevelRules rules)
    {
        var handover = rules.Couriers != CourierHandover.Unknown ? rules.Couriers : rules.StayHome || rules.StayInArea ? CourierHandover.AtGate : CourierHandover.Unknown;
        return handover switch
        {
            CourierHandover.AtGate => new Verdict(AccessReasons.CourierHandOverOnly, AccessObligations.HandOverAtDesignatedPoint, Permissions.None),
            CourierHandover.LockerAfterRegistration => new Verdict(AccessReasons.None, AccessObligations.Register | AccessObligations.HandOverAtDesignatedPoint, Permissions.None),
            _ => default,
        };
    }

    /// <summary>What the person's status and exposure add: returned, not written through references, so that the
    /// decision's flags stay in registers.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Verdict Status(in AccessRequest r, bool entry)
    {
        var reasons = AccessReasons.None;
        var obligations = AccessObligations.None;
        var need = Permissions.None;
        if (r.Status == MonitoringStatus.None && (!entry || r.Exposure == ExposureCategory.None))
        {
            return default;
        }

        var ordered = false;
        switch (r.Status)
        {
            case MonitoringStatus.CentralizedQuarantine:
                reasons |= AccessReasons.UnderCentralizedQuarantine;
                need |= Permissions.CompelIsolation;
                obligations |= AccessObligations.EnforceIsolation;
                ordered = true;
                break;
            case MonitoringStatus.HomeMedicalObservation:
            case MonitoringStatus.HomeIsolation:
                ordered = true;
                if (!entry)
                {
                    reasons |= AccessReasons.UnderHomeObservation;
                }

                break;
            case MonitoringStatus.HomeHealthMonitoring:
                if (!entry && !r.HasExitApproval)
                {
                    reasons |= AccessReasons.UnderHomeHealthMonitoring;
                }

                break;
            case MonitoringStatus.None when entry && r.Exposure != ExposureCategory.None:
                var plan = _plans[(int)r.Exposure];
                if (plan is null || (plan.Window is { } window && r.ExposureEndedAt is { } ended && r.At - ended >= window))
                {
                    break;
                }

                obligations |= AccessObligations.Register | AccessObligations.ReportArrivalToCommunity;
                if (plan.Centralized)
                {
                    reasons |= AccessReasons.ExposureNeedsCentralizedQuarantine;
                    obligations |= AccessObligations.TransferToCentralizedQuarantine;
                    need |= Permissions.OrderCentralizedQuarantine;
                    ordered = true;
                }
                else if (plan.AtHome)
                {
                    reasons |= AccessReasons.ExposureNeedsHomeObservation;
                    obligations |= AccessObligations.BeginHomeObservation;
                    need |= Permissions.OrderHomeObservation;
                    ordered = true;
                }
                else
                {
                    reasons |= AccessReasons.ExposureNeedsTests;
                    obligations |= AccessObligations.TakeTests;
                }

                break;
        }

        if (ordered && r.RefusesOrder)
        {
            reasons |= AccessReasons.RefusesIsolation;
            obligations |= AccessObligations.EnforceIsolation;
            need |= Permissions.CompelIsolation;
        }

        return new Verdict(reasons, obligations, need);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private AccessDecision Finish(in AccessRequest r, RiskSnapshot snapshot, RiskLevel level, AccessReasons reasons, AccessObligations obligations, Permissions need)
    {
        // Selected, not branched on: whether a request is blocked, or carries anything, is as likely as not.
        var blocking = (reasons & ~NonBlocking) != 0;

        // Obligations that only follow a granted passage (an escort, a vehicle, an outing to record) leave with it.
        obligations &= blocking ? ~GrantOnly : ~AccessObligations.None;
        var carries = reasons != AccessReasons.None || obligations != AccessObligations.None;
        need |= carries ? Permissions.Check : Permissions.None;
        need |= (obligations & AccessObligations.Register) != 0 ? Permissions.Register : Permissions.None;
        need |= blocking ? Permissions.DenyEntry : Permissions.None;
        var outcome = blocking ? AccessOutcome.Deny : carries ? AccessOutcome.AllowWithObligations : AccessOutcome.Allow;
        if (need != Permissions.None)
        {
            var held = _operatorPermissions is { } fixedPermissions && unchecked((uint)r.Operator < (uint)fixedPermissions.Length)
                ? fixedPermissions[(int)r.Operator]
                : Authority.PermissionsAt(r.Operator, r.At, snapshot.Tree, r.ZoneIndex, measuresInForce: true);
            if ((need & ~held) != Permissions.None)
            {
                return Escalate(in r, snapshot, level, reasons, obligations, need & ~held);
            }
        }

        return new AccessDecision(outcome, reasons, obligations, Permissions.None, Roles.None, level);
    }

    /// <summary>The decision when the operator lacks a permission it needs: escalate, naming the roles that hold it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private AccessDecision Escalate(in AccessRequest r, RiskSnapshot snapshot, RiskLevel level, AccessReasons reasons, AccessObligations obligations, Permissions missing)
    {
        var holders = Roles.None;
        for (var bit = 1; bit <= (int)Permissions.SealBuilding; bit <<= 1)
        {
            if (((int)missing & bit) != 0)
            {
                holders |= Authority.HoldersAt((Permissions)bit, r.At, snapshot.Tree, r.ZoneIndex, measuresInForce: true);
            }
        }

        return new AccessDecision(AccessOutcome.Escalate, reasons, obligations, missing, holders, level);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static AccessReasons CheckCode(HealthCodeColour code, int accepted)
        => code == HealthCodeColour.Unknown ? AccessReasons.HealthCodeMissing
            : (accepted & (1 << (int)code)) == 0 ? AccessReasons.HealthCodeNotAccepted
            : AccessReasons.None;

    private static bool TestValid(Instant? sampled, Instant at, Duration validity)
        => sampled is { } s && s <= at && at - s <= validity;


    private static async ValueTask<LedgerView> ReadLedgerAsync(AccessRequest r, LevelRules rules, OutingWindow? window, IOutingLedgerAsync outings, CancellationToken cancellationToken)
    {
        if (r.Category != PersonCategory.Resident || r.Household.IsEmpty || r.Person.IsEmpty || !rules.HasQuota)
        {
            return new LedgerView(0, null);
        }

        if (r.Direction == GateDirection.Entry)
        {
            return rules.Quota?.MaxAbsence is null
                ? new LedgerView(0, null)
                : new LedgerView(0, await outings.FindOpenOutingAsync(r.Household, r.Person, cancellationToken).ConfigureAwait(false));
        }

        var used = window is { } w
            ? await outings.CountOutingsAsync(r.Household, w, cancellationToken).ConfigureAwait(false)
            : await outings.CountOpenOutingsAsync(r.Household, cancellationToken).ConfigureAwait(false);
        return new LedgerView(used, null);
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowQuotaInput(IOutingLedger? outings, string ledgerName, string requestName)
    {
        if (outings is null)
        {
            ThrowNoLedger(ledgerName);
        }

        ThrowArgument("An outing quota applies at this level: the resident's household and person ids are required.", requestName);
    }

    private static IOutingLedger RequireLedger(IOutingLedger? outings, in AccessRequest request)
    {
        if (outings is null)
        {
            ThrowNoLedger(nameof(outings));
        }

        if (request.Household.IsEmpty || request.Person.IsEmpty)
        {
            ThrowArgument("An outing quota applies at this level: the resident's household and person ids are required.", nameof(request));
        }

        return outings;
    }

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowNoLedger(string paramName) => throw new ArgumentNullException(paramName, "An outing quota applies at this level: pass the outing ledger.");

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowArgument(string message, string paramName) => throw new ArgumentException(message, paramName);

    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowScale(RiskScale scale, string paramName)
        => throw new ArgumentException($"The snapshot is on scale '{scale.Id}' but the policy's measures are on '{_scale.Id}'.", paramName);

    /// <summary>
    /// The instants (Unix ticks, [From, To)) that certainly fall on a snapshot's date: the part of the day under the one
    /// offset in force at its middle. Instants outside it are tested exactly.
    /// </summary>
    private sealed class DayWindow
    {
        public DayWindow(RiskSnapshot snapshot, LevelRules?[] levels)
        {
            Snapshot = snapshot;
            Calendar = new OutingWindow[levels.Length];
            for (var s = 0; s < levels.Length; s++)
            {
                if (levels[s] is { QuotaCalendarDays: > 0 } rules)
                {
                    Calendar[s] = OutingWindow.CalendarDays(snapshot.Date, rules.QuotaCalendarDays, snapshot.Tree.TimeZone);
                }
            }

            var dayStart = snapshot.Date.AtMidnight().InUtc().ToInstant().ToUnixTimeTicks();
            var interval = snapshot.Tree.TimeZone.GetZoneInterval(Instant.FromUnixTimeTicks(dayStart + (NodaConstants.TicksPerDay / 2)));
            var offset = interval.WallOffset.Ticks;
            var from = dayStart - offset;
            var to = dayStart + NodaConstants.TicksPerDay - offset;
            From = interval.HasStart ? Math.Max(from, interval.Start.ToUnixTimeTicks()) : from;
            To = interval.HasEnd ? Math.Min(to, interval.End.ToUnixTimeTicks()) : to;
        }

        public RiskSnapshot Snapshot { get; }

        public long From { get; }

        public long To { get; }

        /// <summary>Gets, per severity, the calendar-day quota window of the snapshot's date (default where none).</summary>
        public OutingWindow[] Calendar { get; }
    }

    /// <summary>The measures of one level, compiled to masks and fields for the hot path.</summary>
    // What the asynchronous path read from the ledger, shown to the synchronous decision.
    private sealed class LedgerView : IOutingLedger
    {
        private readonly int _used;
        private readonly Outing? _open;

        public LedgerView(int used, Outing? open)
        {
            _used = used;
            _open = open;
        }

        public int CountOutings(HouseholdId household, OutingWindow window) => _used;

        public int CountOpenOutings(HouseholdId household) => _used;

        public bool TryGetOpenOuting(HouseholdId household, PersonId person, out Outing outing)
        {
            outing = _open.GetValueOrDefault();
            return _open is not null;
        }

        public bool TryStartOuting(HouseholdId household, PersonId person, Instant at, int persons, OutingWindow? window, out Outing outing) => throw new NotSupportedException();

        public bool TryEndOuting(HouseholdId household, PersonId person, Instant at, out Outing outing) => throw new NotSupportedException();

        public IReadOnlyList<Outing> OutingsOf(HouseholdId household) => throw new NotSupportedException();
    }

    private sealed class LevelRules
    {
        public LevelRules(MeasureSet set, int severity, bool tabled)
        {
            Severity = severity;
            if (set.TemperatureCheck is { } t)
            {
                TemperatureOnEntry = t.OnEntry;
                TemperatureOnExit = t.OnExit;
                FeverAbove = t.ReportAboveCelsius;
                PlausibleMinimum = t.PlausibleMinimumCelsius;
                PlausibleMaximum = t.PlausibleMaximumCelsius;
            }

            if (set.HealthCodeCheck is { } h)
            {
                CodeOnEntry = h.OnEntry;
                CodeOnExit = h.OnExit;
                AcceptedColours = Mask(h.Accepted);
            }

            if (set.PassRequirement is { } p)
            {
                PassOnEntry = p.OnEntry;
                PassOnExit = p.OnExit;
            }

            if (set.Registration is { } reg)
            {
                RegisteredCategories = Mask(reg.Categories);
            }

            if (set.Visitors is { } v)
            {
                Visitors = v.Policy;
                VisitorSpecialReasons = Mask(v.SpecialReasons);
            }

            Couriers = set.Couriers?.Handover ?? CourierHandover.Unknown;
            ClosedExits = set.ClosedManagement?.ExitPurposes is { } exits ? Mask(exits) : -1;
            if (set.StayHome is { } sh)
            {
                StayHome = true;
                StayHomeExits = Mask(sh.ExitPurposes);
                StayHomeApproval = sh.ExitNeedsApproval;
            }

            if (set.StayInArea is { } sa)
            {
                StayInArea = true;
                StayInAreaExits = Mask(sa.ExitPurposes);
                StayInAreaApproval = sa.ExitNeedsApproval;
                Escort = sa.EscortToPickupPoint;
            }

            Quota = set.OutingQuota;
            if (Quota is not null)
            {
                HasQuota = true;
                QuotaExempt = Mask(Quota.ExemptPurposes);
                QuotaPersons = Quota.Persons;
                QuotaHasInterval = Quota.Interval.HasValue;
                QuotaInterval = Quota.Interval ?? Duration.Zero;
                QuotaCalendarDays = Quota.Interval is { } days && Quota.Window == OutingWindowKind.CalendarDays ? (int)days.TotalDays : 0;
                QuotaGrant = Quota.MaxAbsence is null ? AccessObligations.RecordOuting : AccessObligations.RecordOuting | AccessObligations.ReturnWithinLimit;
            }

            Night = set.NightClosure;
            NightExempt = Night is null ? 0 : Mask(Night.ExemptPurposes);
            ExitParts = tabled ? TabulateExits() : null;

            HasLeaveCityTest = set.LeaveCityTest is not null;
            LeaveCityValidity = set.LeaveCityTest?.Validity ?? Duration.Zero;
            if (set.VenueChecks is { } vc)
            {
                VenueMask = Mask(vc.Venues);
                VenueCode = vc.HealthCodeRequired;
                VenueTestValidity = vc.NegativeTestValidity;
            }
        }

        public int Severity { get; }

        public bool TemperatureOnEntry { get; }

        public bool TemperatureOnExit { get; }

        public double FeverAbove { get; }

        public double PlausibleMinimum { get; } = TemperatureCheck.DefaultPlausibleMinimumCelsius;

        public double PlausibleMaximum { get; } = TemperatureCheck.DefaultPlausibleMaximumCelsius;

        public bool CodeOnEntry { get; }

        public bool CodeOnExit { get; }

        public int AcceptedColours { get; }

        public bool PassOnEntry { get; }

        public bool PassOnExit { get; }

        public int RegisteredCategories { get; }

        public VisitorPolicy Visitors { get; }

        public int VisitorSpecialReasons { get; }

        public CourierHandover Couriers { get; }

        public int ClosedExits { get; }

        public bool StayHome { get; }

        public int StayHomeExits { get; }

        public bool StayHomeApproval { get; }

        public bool StayInArea { get; }

        public int StayInAreaExits { get; }

        public bool StayInAreaApproval { get; }

        public bool Escort { get; }

        public OutingQuota? Quota { get; }

        public bool HasQuota { get; }

        public int QuotaExempt { get; }

        public int QuotaPersons { get; }

        public bool QuotaHasInterval { get; }

        public Duration QuotaInterval { get; }

        /// <summary>Gets the interval in days when it is counted in calendar days; 0 for a rolling window or none.</summary>
        public int QuotaCalendarDays { get; }

        public AccessObligations QuotaGrant { get; }

        public NightClosure? Night { get; }

        /// <summary>Gets, by <see cref="ExitKey"/>, what a resident's exit meets under stay home, stay in the area, closed
        /// management and the pass (<see cref="ExitPart"/>); null for the untabled policy of the tests.</summary>
        public Verdict[]? ExitParts { get; }

        public int NightExempt { get; }

        public bool HasLeaveCityTest { get; }

        public Duration LeaveCityValidity { get; }

        public int VenueMask { get; }

        public bool VenueCode { get; }

        public Duration? VenueTestValidity { get; }

        /// <summary>The index in <see cref="ExitParts"/> of a purpose (already checked defined), an approval and a pass.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int ExitKey(OutingPurpose purpose, bool approval, bool pass)
            => ((int)purpose << 2) | (approval ? 2 : 0) | (pass ? 1 : 0);

        /// <summary>What a resident's exit meets under stay home, stay in the area, closed management and the pass: the
        /// rules that depend on the purpose, the exit approval and the pass alone.</summary>
        private Verdict[] TabulateExits()
        {
            var parts = new Verdict[ExitKey(OutingPurpose.Delivery, true, true) + 1];
            for (var purpose = OutingPurpose.Unstated; purpose <= OutingPurpose.Delivery; purpose++)
            {
                for (var key = 0; key < 4; key++)
                {
                    parts[ExitKey(purpose, (key & 2) != 0, (key & 1) != 0)] = ExitPart(purpose, (key & 2) != 0, (key & 1) != 0);
                }
            }

            return parts;
        }

        public Verdict ExitPart(OutingPurpose exit, bool approval, bool pass)
        {
            var reasons = AccessReasons.None;
            var obligations = AccessObligations.None;
            var need = Permissions.None;
            var purpose = 1 << (int)exit;
            if (StayHome)
            {
                if ((StayHomeExits & purpose) == 0)
                {
                    reasons |= AccessReasons.StayHomeOrder;
                }
                else if (StayHomeApproval && !approval)
                {
                    reasons |= AccessReasons.ExitNeedsApproval;
                }
                else
                {
                    obligations |= AccessObligations.Register | AccessObligations.ArrangeDedicatedVehicle;
                }
            }
            else if (StayInArea)
            {
                if (exit == OutingPurpose.SupplyPickup)
                {
                    obligations |= Escort ? AccessObligations.EscortToPickupPoint : AccessObligations.None;
                }
                else if ((StayInAreaExits & purpose) == 0)
                {
                    reasons |= AccessReasons.StayInAreaOrder;
                }
                else if (StayInAreaApproval && !approval)
                {
                    reasons |= AccessReasons.ExitNeedsApproval;
                }
                else
                {
                    obligations |= AccessObligations.Register;
                }
            }

            if ((ClosedExits & purpose) == 0)
            {
                reasons |= AccessReasons.ExitPurposeNotAllowed;
            }

            if (PassOnExit)
            {
                need |= Permissions.Check;
                if (!pass)
                {
                    reasons |= AccessReasons.PassMissing;
                }
            }

            return new Verdict(reasons, obligations, need);
        }

        private static int Mask<T>(IReadOnlyList<T> values)
            where T : struct, Enum
        {
            var mask = 0;
            foreach (var v in values)
            {
                mask |= 1 << Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture);
            }

            return mask;
        }
    }

    /// <summary>Reasons, obligations and permissions one part of the decision adds (returned rather than written through
    /// references, so that the decision's flags stay in registers).</summary>
    private readonly struct Verdict
    {
        public Verdict(AccessReasons reasons, AccessObligations obligations, Permissions need)
        {
            Reasons = reasons;
            Obligations = obligations;
            Need = need;
        }

        public AccessReasons Reasons { get; }

        public AccessObligations Obligations { get; }

        public Permissions Need { get; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Verdict operator |(Verdict left, Verdict right)
            => new(left.Reasons | right.Reasons, left.Obligations | right.Obligations, left.Need | right.Need);
    }

    /// <summary>A plan of the table, compiled for the gate.</summary>
    private sealed class PlanRule
    {
        public PlanRule(QuarantinePlan plan)
        {
            Centralized = plan.BeginsCentralized;
            AtHome = plan.BeginsAtHome;
            Window = plan.HistoryWindowDays is { } days ? Duration.FromDays(days) : null;
        }

        public bool Centralized { get; }

        public bool AtHome { get; }

        public Duration? Window { get; }
    }
}
