using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The indicator-hysteresis family (Germany's §28b IfSG "Bundesnotbremse", 2021): per tier, a level comes into force when
/// the metric is strictly above the threshold on N consecutive calendar days (from the day after next), and lapses when
/// it is strictly below on M consecutive counted days — working days, Sundays and public holidays skipped without
/// resetting — counted from the day after it came into force (again from the day after next). A value equal to the
/// threshold neither counts up nor down: it breaks both runs. Each tier has its own state machine; the zone's level is
/// the highest tier in force.
/// </summary>
/// <remarks>
/// <para><b>Missing values.</b> A day without a published value could have been above, at or below the threshold. The
/// evaluator follows every possibility (the set of reachable states stays small) and reports a level only when all agree;
/// otherwise the level is <see cref="RiskAssessmentOutcome.InsufficientData"/>, at least the highest tier in force in every
/// possibility — never a guess. Working days need a <see cref="HolidayCalendar"/>; without one a tier that counts working
/// days reports insufficient data.</para>
/// <para>Use the value as published on each day (later corrections are ignored by the law).</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class IndicatorHysteresisRule : IRiskRule
{
    private readonly HysteresisTier[] _tiers;

    private IndicatorHysteresisRule(string id, RiskScale scale, ZoneKind unit, string metric, HysteresisTier[] tiers)
    {
        Id = id;
        Scale = scale;
        Unit = unit;
        Metric = metric;
        _tiers = tiers;
        Tiers = Array.AsReadOnly(tiers);
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the scale the tiers' levels are on.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the kind of the zones graded.</summary>
    public ZoneKind Unit { get; }

    /// <summary>Gets the metric.</summary>
    public string Metric { get; }

    /// <summary>Gets the tiers, by increasing threshold.</summary>
    public IReadOnlyList<HysteresisTier> Tiers { get; }

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static IndicatorHysteresisRule FromOptions(string id, IndicatorHysteresisOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "indicatorHysteresis", problems)
            ?? throw new ModelValidationException(typeof(IndicatorHysteresisRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id, metric and thresholds.</summary>
    /// <returns>E.g. <c>IndicatorHysteresisRule emergency-brake (Incidence7DayPer100K: 100, 150, 165)</c>.</returns>
    public override string ToString() => $"IndicatorHysteresisRule {Id} ({Metric}: {string.Join(", ", _tiers.Select(t => t.Threshold.ToString("R", CultureInfo.InvariantCulture)))})";

    internal static IndicatorHysteresisRule? TryCreate(string id, IndicatorHysteresisOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var unit = OptionsReading.Kind(options.Unit, path + ".unit", problems);
        var metric = OptionsReading.Metric(options.Metric, path + ".metric", problems);
        var list = options.Tiers ?? new List<HysteresisTierOptions>();
        if (list.Count == 0)
        {
            problems.Add((path + ".tiers", "At least one tier is required."));
        }

        var tiers = new List<HysteresisTier>();
        for (var i = 0; i < list.Count; i++)
        {
            var tierPath = OptionsReading.Index(path + ".tiers", i);
            var t = list[i];
            if (t is null)
            {
                problems.Add((tierPath, "A tier must be an object, not null."));
                continue;
            }

            var level = OptionsReading.Level(scale, t.Level, tierPath + ".level", problems);
            var threshold = OptionsReading.Finite(t.Threshold, tierPath + ".threshold", problems, required: true);
            var enter = OptionsReading.AtLeast(t.EnterAfterDays, 1, tierPath + ".enterAfterDays", problems);
            var enterDelay = OptionsReading.AtLeast(t.EnterTakesEffectAfterDays, 1, tierPath + ".enterTakesEffectAfterDays", problems);
            var exit = OptionsReading.AtLeast(t.ExitAfterDays, 1, tierPath + ".exitAfterDays", problems);
            var exitDelay = OptionsReading.AtLeast(t.ExitTakesEffectAfterDays, 1, tierPath + ".exitTakesEffectAfterDays", problems);
            if (t.ExitCounts is null or DayCountKind.Unknown || !Enum.IsDefined(typeof(DayCountKind), t.ExitCounts.Value))
            {
                problems.Add((tierPath + ".exitCounts", "State which days count towards lapsing: CalendarDays or WorkingDays."));
            }
            else if (level is not null && threshold && enter is not null && enterDelay is not null && exit is not null && exitDelay is not null)
            {
                if (tiers.Count > 0 && (t.Threshold!.Value <= tiers[tiers.Count - 1].Threshold || level.Value <= tiers[tiers.Count - 1].Level))
                {
                    problems.Add((tierPath, "Tiers must be listed by strictly increasing threshold and level."));
                }

                tiers.Add(new HysteresisTier(level.Value, t.Threshold!.Value, enter.Value, enterDelay.Value, exit.Value, t.ExitCounts.Value, exitDelay.Value));
            }
        }

        return problems.Count > before || scale is null ? null : new IndicatorHysteresisRule(id, scale, unit!.Value, metric, tiers.ToArray());
    }

    /// <summary>One reachable state of a tier's machine (day indexes; −1 for none).</summary>
    private readonly struct TierState : IEquatable<TierState>
    {
        public TierState(bool inForce, int since, int entryOn, int lapseOn, int countFrom, ConsecutiveDays run, int entryTrigger, int lapseTrigger)
        {
            InForce = inForce;
            Since = since;
            EntryOn = entryOn;
            LapseOn = lapseOn;
            CountFrom = countFrom;
            Run = run;
            EntryTrigger = entryTrigger;
            LapseTrigger = lapseTrigger;
        }

        public bool InForce { get; }

        /// <summary>Gets the first day of the current state (in force since, or lapsed on), or −1 when never in force.</summary>
        public int Since { get; }

        /// <summary>Gets the day a decided entry takes effect, or −1.</summary>
        public int EntryOn { get; }

        /// <summary>Gets the day a decided lapse takes effect, or −1.</summary>
        public int LapseOn { get; }

        /// <summary>Gets the first day that may count towards lapsing.</summary>
        public int CountFrom { get; }

        /// <summary>Gets the current run: days above while not in force or while a lapse is pending, else days below.</summary>
        public ConsecutiveDays Run { get; }

        /// <summary>Gets the last day of the run that decided the last entry (for the reason); not part of equality.</summary>
        public int EntryTrigger { get; }

        /// <summary>Gets the last day of the run that decided the last lapse (for the reason); not part of equality.</summary>
        public int LapseTrigger { get; }

        public bool Equals(TierState other)
            => InForce == other.InForce && Since == other.Since && EntryOn == other.EntryOn && LapseOn == other.LapseOn && CountFrom == other.CountFrom && Run.Equals(other.Run);

        public override bool Equals(object? obj) => obj is TierState other && Equals(other);

        public override int GetHashCode() => unchecked((InForce ? 1 : 0) + (Since * 3) + (EntryOn * 31) + (LapseOn * 131) + (CountFrom * 997) + (Run.Count * 7919));
    }

    private enum Reading
    {
        Below = 0,
        Equal = 1,
        Above = 2,
    }

    private struct Written
    {
        public RiskLevel Level;
        public bool Insufficient;
        public LocalDate? EarliestStepDown;
        public RiskTierState[]? Tiers;
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private static readonly Reading[] AllReadings = { Reading.Below, Reading.Equal, Reading.Above };

        private readonly IndicatorHysteresisRule _rule;
        private readonly RiskRuleSetup _setup;
        private readonly int[] _units;
        private readonly List<TierState>[,] _states;
        private readonly Written?[] _written;
        private readonly RiskReason?[] _lastReason;
        private readonly int _earliestCompletion;
        private readonly List<TierState> _next = new(4);

        public Evaluator(IndicatorHysteresisRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _setup = setup;
            var units = setup.Tree.OfKind(rule.Unit);
            _units = new int[units.Count];
            _states = new List<TierState>[units.Count, rule._tiers.Length];
            for (var u = 0; u < _units.Length; u++)
            {
                _units[u] = units.IndexAt(u);
                for (var t = 0; t < rule._tiers.Length; t++)
                {
                    _states[u, t] = new List<TierState> { new(false, -1, -1, -1, 0, default, -1, -1) };
                }
            }

            _written = new Written?[_units.Length];
            _lastReason = new RiskReason?[_units.Length];

            // Earlier days may count, but a trigger completes no earlier than the day before the policy applies: the first
            // check, on the first day in force, looks back at the days up to the day before.
            _earliestCompletion = setup.AppliesFrom is { } applies ? Period.DaysBetween(setup.FirstDay, applies) - 1 : int.MinValue;
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            for (var u = 0; u < _units.Length; u++)
            {
                var calendarMissing = StepUnit(day, u);
                Report(day, writer, u, calendarMissing);
            }
        }

        /// <summary>Steps every tier of one unit by one day; returns whether a tier needs the missing holiday calendar.</summary>
        private bool StepUnit(RiskDay day, int u)
        {
            var d = day.DayIndex;
            var unit = _units[u];
            var tiers = _rule._tiers;
            var known = day.TryGetIndicator(unit, _rule.Metric, out var value);
            var holiday = day.Date.DayOfWeek == IsoDayOfWeek.Sunday || (day.Holidays?.IsHoliday(day.Tree, unit, day.Date) ?? false);
            var calendarMissing = false;
            for (var t = 0; t < tiers.Length; t++)
            {
                var tier = tiers[t];
                var working = tier.ExitCounts == DayCountKind.WorkingDays;
                calendarMissing |= working && day.Holidays is null;
                _next.Clear();
                foreach (var state in _states[u, t])
                {
                    if (known)
                    {
                        Add(_next, Step(tier, state, d, Classify(value, tier.Threshold), working && holiday, _earliestCompletion));
                    }
                    else
                    {
                        foreach (var reading in AllReadings)
                        {
                            Add(_next, Step(tier, state, d, reading, working && holiday, _earliestCompletion));
                        }
                    }
                }

                _states[u, t].Clear();
                _states[u, t].AddRange(_next);
            }

            return calendarMissing;
        }

        private static void Add(List<TierState> states, TierState state)
        {
            for (var i = 0; i < states.Count; i++)
            {
                if (states[i].Equals(state))
                {
                    return;
                }
            }

            states.Add(state);
        }

        private static Reading Classify(double value, double threshold) => value > threshold ? Reading.Above : value < threshold ? Reading.Below : Reading.Equal;

        /// <summary>
        /// One day of a tier's machine. Decided switches take effect first; then the day counts: towards entry while the tier
        /// is not in force and also while a decided lapse has not yet taken effect (re-entry counts every day), towards lapsing
        /// from the day after the tier came into force; nothing counts while an entry is pending.
        /// </summary>
        private static TierState Step(HysteresisTier tier, TierState s, int d, Reading reading, bool skipped, int earliestCompletion)
        {
            var (inForce, since, entryOn, lapseOn, countFrom, run) = (s.InForce, s.Since, s.EntryOn, s.LapseOn, s.CountFrom, s.Run);
            var (entryTrigger, lapseTrigger) = (s.EntryTrigger, s.LapseTrigger);
            if (lapseOn == d)
            {
                (inForce, since, lapseOn) = (false, d, -1); // the run counted while the lapse was pending goes on
            }

            if (entryOn == d)
            {
                since = inForce ? since : d;
                (inForce, entryOn, lapseOn, run, countFrom) = (true, -1, -1, default, d + 1); // "ab dem Tag nach dem Eintreten der Maßnahmen"
            }

            if (entryOn < 0 && (!inForce || lapseOn >= 0))
            {
                run = run.Observe(reading == Reading.Above ? DayObservation.Counts : DayObservation.Breaks);
                if (run.Reached(tier.EnterAfterDays) && d >= earliestCompletion)
                {
                    (entryOn, entryTrigger, run) = (d + tier.EnterTakesEffectAfterDays, d, default);
                }
            }
            else if (inForce && lapseOn < 0 && d >= countFrom)
            {
                run = run.Observe(skipped ? DayObservation.Skipped : reading == Reading.Below ? DayObservation.Counts : DayObservation.Breaks);
                if (run.Reached(tier.ExitAfterDays))
                {
                    (lapseOn, lapseTrigger, run) = (d + tier.ExitTakesEffectAfterDays, d, default);
                }
            }

            return new TierState(inForce, since, entryOn, lapseOn, countFrom, run, entryTrigger, lapseTrigger);
        }

        private void Report(RiskDay day, RiskDesignationWriter writer, int u, bool calendarMissing)
        {
            var tiers = _rule._tiers;
            var (level, decided, undecided) = Decide(u);

            // Without a calendar, lapses are computed as if there were no holidays: never later than the truth, so the
            // level is a lower bound, reported as insufficient data.
            var insufficient = undecided || calendarMissing;
            var states = insufficient ? null : TierStates(day, u);
            var earliest = decided >= 0 ? states?[decided].EarliestLapse : null;
            var now = new Written { Level = level, Insufficient = insufficient, EarliestStepDown = earliest, Tiers = states };
            if (_written[u] is { } before && SameWritten(before, now))
            {
                return;
            }

            if (_written[u] is null && level.IsNone && !insufficient && !AnyTierKnown(states))
            {
                _written[u] = now;
                return;
            }

            var levelChanged = _written[u] is not { } was || was.Level != level || was.Insufficient != insufficient;
            _written[u] = now;
            var unit = _units[u];
            if (insufficient)
            {
                var code = calendarMissing ? RiskReasonCodes.HolidayCalendarMissing : RiskReasonCodes.MissingIndicator;
                writer.MarkInsufficientData(unit, level, new RiskReason(code, _rule.Id) { Metric = _rule.Metric, EvidenceDate = day.Date });
                return;
            }

            if (decided < 0)
            {
                writer.Designate(unit, RiskLevel.None, Reason(day, unit, RiskReasonCodes.ThresholdUndercut, LastLapseTrigger(u), null), null, states!);
                return;
            }

            var reason = levelChanged || _lastReason[u] is null
                ? Reason(day, unit, RiskReasonCodes.ThresholdExceeded, _states[u, decided][0].EntryTrigger, tiers[decided])
                : _lastReason[u]!;
            _lastReason[u] = reason;
            writer.Designate(unit, level, reason, earliest, states!);
        }

        /// <summary>The highest tier in force in every possibility, and whether a higher one is undecided.</summary>
        private (RiskLevel Level, int Decided, bool Undecided) Decide(int u)
        {
            var tiers = _rule._tiers;
            var undecided = false;
            for (var t = tiers.Length - 1; t >= 0; t--)
            {
                var states = _states[u, t];
                var on = states[0].InForce;
                var agree = true;
                foreach (var s in states)
                {
                    agree &= s.InForce == on;
                }

                if (!agree)
                {
                    undecided = true;
                }
                else if (on)
                {
                    return (tiers[t].Level, t, undecided);
                }
            }

            return (RiskLevel.None, -1, undecided);
        }

        private RiskTierState[] TierStates(RiskDay day, int u)
        {
            var tiers = _rule._tiers;
            var result = new RiskTierState[tiers.Length];
            for (var t = 0; t < tiers.Length; t++)
            {
                var states = _states[u, t];
                var s = states[0];
                var isDecided = true;
                foreach (var other in states)
                {
                    isDecided &= other.InForce == s.InForce && other.Since == s.Since && other.EntryOn == s.EntryOn && other.LapseOn == s.LapseOn;
                }

                var next = s.LapseOn >= 0 ? s.LapseOn : s.EntryOn;
                LocalDate? earliest = s.InForce && isDecided && (states.Count == 1 || s.LapseOn >= 0) ? EarliestLapse(day, _units[u], tiers[t], s) : null;
                result[t] = new RiskTierState(tiers[t].Level, isDecided, s.InForce, s.Since < 0 ? null : _setup.FirstDay.PlusDays(s.Since), next < 0 ? null : _setup.FirstDay.PlusDays(next), earliest);
            }

            return result;
        }

        private static bool AnyTierKnown(RiskTierState[]? states)
        {
            if (states is null)
            {
                return false;
            }

            foreach (var s in states)
            {
                if (s.Since is not null || s.NextChange is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool SameWritten(in Written a, in Written b)
        {
            if (a.Level != b.Level || a.Insufficient != b.Insufficient || a.EarliestStepDown != b.EarliestStepDown || (a.Tiers is null) != (b.Tiers is null))
            {
                return false;
            }

            for (var t = 0; a.Tiers is not null && t < a.Tiers.Length; t++)
            {
                var (x, y) = (a.Tiers[t], b.Tiers![t]);
                if (x.IsDecided != y.IsDecided || x.IsInForce != y.IsInForce || x.Since != y.Since || x.NextChange != y.NextChange || x.EarliestLapse != y.EarliestLapse)
                {
                    return false;
                }
            }

            return true;
        }

        private int LastLapseTrigger(int u)
        {
            var last = -1;
            for (var t = 0; t < _rule._tiers.Length; t++)
            {
                foreach (var s in _states[u, t])
                {
                    last = Math.Max(last, s.LapseTrigger);
                }
            }

            return last;
        }

        private RiskReason Reason(RiskDay day, int unit, string code, int triggerDay, HysteresisTier? tier)
        {
            double? value = null;
            if (triggerDay >= 0 && day.History.DayAt(triggerDay).ReadingValues.TryGetValue(new ReadingKey(unit, _rule.Metric), out var v))
            {
                value = v;
            }

            return new RiskReason(code, _rule.Id)
            {
                Metric = _rule.Metric,
                Value = value,
                EvidenceDate = triggerDay >= 0 ? _setup.FirstDay.PlusDays(triggerDay) : day.Date,
                Detail = tier is null ? null : $"above {tier.Threshold.ToString("R", CultureInfo.InvariantCulture)} on {tier.EnterAfterDays} consecutive days",
            };
        }

        private LocalDate EarliestLapse(RiskDay day, int unit, HysteresisTier tier, TierState state)
        {
            if (state.LapseOn >= 0)
            {
                return _setup.FirstDay.PlusDays(state.LapseOn);
            }

            var first = _setup.FirstDay.PlusDays(Math.Max(day.DayIndex + 1, state.CountFrom));
            var holidays = day.Holidays;
            var tree = day.Tree;
            Func<LocalDate, bool>? skip = tier.ExitCounts == DayCountKind.WorkingDays
                ? date => date.DayOfWeek == IsoDayOfWeek.Sunday || (holidays?.IsHoliday(tree, unit, date) ?? false)
                : null;
            return ConsecutiveDays.NthCountedDay(first, tier.ExitAfterDays - state.Run.Count, skip).PlusDays(tier.ExitTakesEffectAfterDays);
        }
    }
}

/// <summary>One tier of an <see cref="IndicatorHysteresisRule"/>.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class HysteresisTier
{
    internal HysteresisTier(RiskLevel level, double threshold, int enterAfterDays, int enterTakesEffectAfterDays, int exitAfterDays, DayCountKind exitCounts, int exitTakesEffectAfterDays)
    {
        Level = level;
        Threshold = threshold;
        EnterAfterDays = enterAfterDays;
        EnterTakesEffectAfterDays = enterTakesEffectAfterDays;
        ExitAfterDays = exitAfterDays;
        ExitCounts = exitCounts;
        ExitTakesEffectAfterDays = exitTakesEffectAfterDays;
    }

    /// <summary>Gets the tier's level.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets the threshold.</summary>
    public double Threshold { get; }

    /// <summary>Gets the consecutive calendar days above the threshold that bring the tier into force.</summary>
    public int EnterAfterDays { get; }

    /// <summary>Gets the delay from the last of those days to the first day in force.</summary>
    public int EnterTakesEffectAfterDays { get; }

    /// <summary>Gets the consecutive counted days below the threshold that make the tier lapse.</summary>
    public int ExitAfterDays { get; }

    /// <summary>Gets which days count towards lapsing.</summary>
    public DayCountKind ExitCounts { get; }

    /// <summary>Gets the delay from the last of those days to the first day no longer in force.</summary>
    public int ExitTakesEffectAfterDays { get; }

    /// <summary>Returns the threshold and the counts.</summary>
    /// <returns>E.g. <c>&gt;100: 3 days up (+2), 5 WorkingDays down (+2)</c>.</returns>
    public override string ToString()
        => $">{Threshold.ToString("R", CultureInfo.InvariantCulture)}: {EnterAfterDays} days up (+{EnterTakesEffectAfterDays}), {ExitAfterDays} {ExitCounts} down (+{ExitTakesEffectAfterDays})";
}
