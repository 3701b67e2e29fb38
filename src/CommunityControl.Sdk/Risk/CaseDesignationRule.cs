using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
#if NET8_0_OR_GREATER
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#endif
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// The case-driven family (China 2020–2022): an infection designates its residence and its activity places, each lifted
/// to the edition's drawing unit, at a stage of a step-down ladder; a stage steps down after N consecutive days without a
/// new infection in the zone, optionally only after an all-negative screening round; a new infection restarts the count.
/// </summary>
/// <remarks>
/// <para><b>Days.</b> The day of the last infection is day 0; the zone steps down on the day after day N, i.e. N + 1 days
/// after the infection (a case on day N, or on the day it would step down, keeps or puts it back at the top). After a
/// step-down the next stage counts from its first day: "3 more days" after entering Medium on day D means Low from D + 3.</para>
/// <para><b>Screening.</b> When a stage requires it, an all-negative round of the zone or an ancestor must lie within the
/// last <see cref="CaseStage.ScreeningWithinDays"/> days of the run (1 = on day N). Without one the zone waits, still at its
/// level, and steps down the day after the first day that closes a long-enough run with such a round.</para>
/// <para><b>Drawing unit.</b> A zone finer than the drawing unit is lifted to its largest ancestor not coarser than the
/// unit (a household to its compound under the 9th edition). A zone coarser than the unit (a case known only by its
/// compound when the edition draws buildings) cannot be drawn without guessing: that zone is marked
/// <see cref="RiskAssessmentOutcome.InsufficientData"/> for as long as the designation would have lasted.</para>
/// <para><b>New infection in a designated zone.</b> The zone enters the more severe of the case's stage and its current
/// stage's <see cref="CaseStage.OnNewInfection"/> (its own stage restarted when that is not set); on a tie, the case's stage.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class CaseDesignationRule : IRiskRule
{
    private readonly CaseStage[] _stages;
    private readonly bool[] _counts;
    private readonly bool[] _ignored;
    private readonly int _residence;
    private readonly int _activity;
    private readonly int _highRiskActivity;
    private readonly ZoneKind[] _drawingUnits;

    private CaseDesignationRule(string id, RiskScale scale, ZoneKind drawingUnit, ZoneKind[] drawingUnits, CaseKind[] infections, ControlSetting[] ignored, CaseStage[] stages, int residence, int activity, int highRiskActivity)
    {
        Id = id;
        Scale = scale;
        DrawingUnit = drawingUnit;
        _drawingUnits = drawingUnits;
        DrawingUnits = Array.AsReadOnly(drawingUnits);
        Infections = Array.AsReadOnly(infections);
        NotDesignatingWhenFoundUnder = Array.AsReadOnly(ignored);
        _stages = stages;
        Stages = Array.AsReadOnly(stages);
        _residence = residence;
        _activity = activity;
        _highRiskActivity = highRiskActivity;
        _counts = new bool[4];
        foreach (var k in infections)
        {
            _counts[(int)k] = true;
        }

        _ignored = new bool[4];
        foreach (var s in ignored)
        {
            _ignored[(int)s] = true;
        }
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the scale the stages' levels are on.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the drawing unit: the default, used for a case whose investigation chose none.</summary>
    public ZoneKind DrawingUnit { get; }

    /// <summary>Gets the drawing units the investigation may choose per designation (<see cref="CaseReport.DrawingUnit"/>),
    /// coarsest first; <see cref="DrawingUnit"/> alone when the edition allows no choice.</summary>
    public IReadOnlyList<ZoneKind> DrawingUnits { get; }

    /// <summary>Gets the case kinds that count as infections.</summary>
    public IReadOnlyList<CaseKind> Infections { get; }

    /// <summary>Gets the settings in which a found infection designates nothing and restarts no count.</summary>
    public IReadOnlyList<ControlSetting> NotDesignatingWhenFoundUnder { get; }

    /// <summary>Gets the stages of the ladder.</summary>
    public IReadOnlyList<CaseStage> Stages { get; }

    /// <summary>Gets the stage a residence enters.</summary>
    public CaseStage ResidenceStage => _stages[_residence];

    /// <summary>Gets the stage an activity place enters, or null when activity places designate nothing.</summary>
    public CaseStage? ActivityStage => _activity < 0 ? null : _stages[_activity];

    /// <summary>Gets the stage a high-risk activity place enters, or null when it designates nothing.</summary>
    public CaseStage? HighRiskActivityStage => _highRiskActivity < 0 ? null : _stages[_highRiskActivity];

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale, which names the stages' levels.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static CaseDesignationRule FromOptions(string id, CaseDesignationOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "caseDesignation", problems)
            ?? throw new ModelValidationException(typeof(CaseDesignationRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id and the stages.</summary>
    /// <returns>E.g. <c>CaseDesignationRule risk-areas (Compound: High 7d+NAT → MediumFromHigh 3d; Medium 7d+NAT)</c>.</returns>
    public override string ToString() => $"CaseDesignationRule {Id} ({DrawingUnit}: {string.Join("; ", _stages.Select(s => s.ToString()))})";

    internal static CaseDesignationRule? TryCreate(string id, CaseDesignationOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var unit = OptionsReading.Kind(options.DrawingUnit, path + ".drawingUnit", problems);
        var units = OptionsReading.Enums(options.DrawingUnits, path + ".drawingUnits", problems, required: false);
        if (unit is { } u && units.Length > 0 && Array.IndexOf(units, u) < 0)
        {
            problems.Add((path + ".drawingUnits", $"The drawing units to choose from must include the default drawing unit {u}."));
        }

        units = units.Length == 0 && unit is { } only ? new[] { only } : units.Distinct().OrderBy(k => k).ToArray();
        var infections = OptionsReading.Enums(options.Infections, path + ".infections", problems, required: true);
        var ignored = OptionsReading.Enums(options.NotDesignatingWhenFoundUnder, path + ".notDesignatingWhenFoundUnder", problems, required: false);
        var stageOptions = options.Stages ?? new List<CaseStageOptions>();
        if (stageOptions.Count == 0)
        {
            problems.Add((path + ".stages", "At least one stage is required."));
        }

        var ids = StageIds(stageOptions, path, problems);

        var stages = new CaseStage[stageOptions.Count];
        var nextRefs = new int[stageOptions.Count];
        var escalationRefs = new int[stageOptions.Count];
        ReadStages(stageOptions, scale, ids, path, stages, nextRefs, escalationRefs, problems);

        var residence = StageRef(ids, options.ResidenceStage, path + ".residenceStage", required: true, problems);
        var activity = StageRef(ids, options.ActivityStage, path + ".activityStage", required: false, problems);
        var highRisk = options.HighRiskActivityStage is null ? activity : StageRef(ids, options.HighRiskActivityStage, path + ".highRiskActivityStage", required: false, problems);

        if (problems.Count > before || scale is null)
        {
            return null; // without a scale the stages have no levels to compare (the scale is reported)
        }

        LinkStages(stages, nextRefs, escalationRefs, path, problems);

        return problems.Count > before || scale is null ? null : new CaseDesignationRule(id, scale, unit!.Value, units, infections, ignored, stages, residence, activity, highRisk);
    }

    private static Dictionary<string, int> StageIds(IList<CaseStageOptions> stageOptions, string path, List<(string Path, string Message)> problems)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < stageOptions.Count; i++)
        {
            var sid = stageOptions[i]?.Id;
            if (string.IsNullOrWhiteSpace(sid))
            {
                continue;
            }

            if (ids.ContainsKey(sid!))
            {
                problems.Add((OptionsReading.Index(path + ".stages", i) + ".id", $"Stage id '{sid}' is used twice."));
            }
            else
            {
                ids[sid!] = i;
            }
        }

        return ids;
    }

    /// <summary>Resolves a stage id to the stage's index, or −1 (reported when the id is unknown, or missing and required).</summary>
    private static int StageRef(Dictionary<string, int> ids, string? stageId, string refPath, bool required, List<(string Path, string Message)> problems)
    {
        if (stageId is null)
        {
            if (required)
            {
                problems.Add((refPath, "A stage id is required."));
            }

            return -1;
        }

        if (!ids.TryGetValue(stageId, out var index))
        {
            problems.Add((refPath, $"There is no stage '{stageId}'; the stages are {string.Join(", ", ids.Keys)}."));
            return -1;
        }

        return index;
    }

    private static void ReadStages(IList<CaseStageOptions> stageOptions, RiskScale? scale, Dictionary<string, int> ids, string path, CaseStage[] stages, int[] nextRefs, int[] escalationRefs, List<(string Path, string Message)> problems)
    {
        for (var i = 0; i < stageOptions.Count; i++)
        {
            var stagePath = OptionsReading.Index(path + ".stages", i);
            var s = stageOptions[i];
            if (s is null)
            {
                problems.Add((stagePath, "A stage must be an object, not null."));
                continue;
            }

            if (string.IsNullOrWhiteSpace(s.Id))
            {
                problems.Add((stagePath + ".id", "The stage id is required."));
            }

            var level = OptionsReading.Level(scale, s.Level, stagePath + ".level", problems);
            var days = OptionsReading.AtLeast(s.StepDownAfterDays, 1, stagePath + ".stepDownAfterDays", problems);
            if (s.RequireNegativeScreening is null)
            {
                problems.Add((stagePath + ".requireNegativeScreening", "State whether stepping down needs an all-negative screening round: the references dispute it, so there is no default."));
            }

            var window = ScreeningWindow(s, days, stagePath, problems);

            nextRefs[i] = StageRef(ids, s.StepDownTo, stagePath + ".stepDownTo", required: false, problems);
            escalationRefs[i] = StageRef(ids, s.OnNewInfection, stagePath + ".onNewInfection", required: false, problems);
            if (level is not null && days is not null && s.RequireNegativeScreening is not null)
            {
                stages[i] = new CaseStage(s.Id ?? string.Empty, level.Value, days.Value, s.RequireNegativeScreening.Value, window ?? 0, s.StepDownTo, s.OnNewInfection);
            }
        }
    }

    /// <summary>Reads the days within which an all-negative round must lie, when stepping down needs one.</summary>
    private static int? ScreeningWindow(CaseStageOptions s, int? days, string stagePath, List<(string Path, string Message)> problems)
    {
        int? window = null;
        if (s.RequireNegativeScreening == true)
        {
            window = OptionsReading.AtLeast(s.ScreeningWithinDays, 1, stagePath + ".screeningWithinDays", problems);
            if (window is not null && days is not null && window > days)
            {
                problems.Add((stagePath + ".screeningWithinDays", $"The round must lie within the run of {days} days; {window} is more."));
            }
        }
        else if (s.ScreeningWithinDays is not null && s.RequireNegativeScreening == false)
        {
            problems.Add((stagePath + ".screeningWithinDays", "Only meaningful when requireNegativeScreening is true."));
        }

        return window;
    }

    /// <summary>Links each stage to the stages it steps down and escalates to, which must be lower and not lower respectively.</summary>
    private static void LinkStages(CaseStage[] stages, int[] nextRefs, int[] escalationRefs, string path, List<(string Path, string Message)> problems)
    {
        for (var i = 0; i < stages.Length; i++)
        {
            var stagePath = OptionsReading.Index(path + ".stages", i);
            if (nextRefs[i] >= 0 && stages[nextRefs[i]].Level >= stages[i].Level)
            {
                problems.Add((stagePath + ".stepDownTo", $"Stepping down from '{stages[i].Id}' must lead to a lower level; '{stages[nextRefs[i]].Id}' is not lower."));
            }

            if (escalationRefs[i] >= 0 && stages[escalationRefs[i]].Level < stages[i].Level)
            {
                problems.Add((stagePath + ".onNewInfection", $"A new infection must not lower the level; '{stages[escalationRefs[i]].Id}' is lower than '{stages[i].Id}'."));
            }

            stages[i].Next = nextRefs[i];
            stages[i].Escalation = escalationRefs[i];
        }
    }

    /// <summary>Checks, before any day is evaluated, that every case's chosen drawing unit is one the rule allows.</summary>
    internal void CheckDrawingUnits(EpidemicHistory history)
    {
        foreach (var c in history.Cases)
        {
            if (c.DrawingUnit != ZoneKind.Unknown && Array.IndexOf(_drawingUnits, c.DrawingUnit) < 0)
            {
                throw new ArgumentException($"Case {Redaction.Redact("case", c.Id)} chooses the drawing unit {c.DrawingUnit}, which rule '{Id}' does not allow (allowed: {string.Join(", ", _drawingUnits)}).", nameof(history));
            }
        }
    }

    /// <summary>The zone a place designates: lifted to the drawing unit, or −1 when it is coarser than the unit.</summary>
    /// <remarks>The tree keeps every zone lifted to a kind in a table, so this is one read, not a walk up the parents.</remarks>
    private static int DrawingZone(ZoneTree tree, int zone, ZoneKind drawingUnit) => tree.LiftTo(zone, drawingUnit);

    private struct UnitState
    {
        public int Stage;
        public int CheckDay;
        public bool Insufficient;

        /// <summary>Why the zone is at its stage; null while <see cref="Hit"/> describes it (named at the end of the day).</summary>
        public RiskReason? Reason;

        /// <summary>The last infection that hit the zone today, while <see cref="Reason"/> is null.</summary>
        public PendingHit Hit;
    }

    /// <summary>An infection that hit a zone, kept until the end of the day: only the day's last hit of a zone becomes its reason.</summary>
    private readonly struct PendingHit
    {
        public PendingHit(CaseReport c, int place, string code, ZoneKind drawingUnit, bool named)
        {
            Case = c;
            Place = place;
            Code = code;
            DrawingUnit = drawingUnit;
            Named = named;
        }

        public CaseReport Case { get; }

        /// <summary>The place's dense index.</summary>
        public int Place { get; }

        public string Code { get; }

        public ZoneKind DrawingUnit { get; }

        /// <summary>Whether the reason names the place (an activity place, or a place coarser than the drawing unit).</summary>
        public bool Named { get; }
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private readonly CaseDesignationRule _rule;
        private readonly RiskRuleSetup _setup;
        private readonly Dictionary<int, UnitState> _units;
        private readonly Dictionary<int, List<int>> _checks;
        private readonly HashSet<int> _touched = new();

        public Evaluator(CaseDesignationRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _setup = setup;
            _units = new Dictionary<int, UnitState>();
            _checks = new Dictionary<int, List<int>>();
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            var d = day.DayIndex;
            var tree = day.Tree;
            _touched.Clear();

            // Step-downs decided at the end of yesterday take effect today.
            if (_checks.TryGetValue(d, out var due))
            {
                _checks.Remove(d);
                foreach (var unit in due)
                {
                    if (!_units.TryGetValue(unit, out var state) || state.CheckDay != d)
                    {
                        continue;
                    }

                    var stage = _rule._stages[state.Stage];
                    if (stage.RequireNegativeScreening && !ScreenedWithin(day.History, tree, unit, d - 1, stage.ScreeningWithinDays))
                    {
                        state.CheckDay = d + 1;
                        // Every reason is named by the end of the day it was set, so a due zone has one.
                        var was = state.Reason!;
                        state.Reason = was.Code == RiskReasonCodes.AwaitingScreening
                            ? was
                            : new RiskReason(RiskReasonCodes.AwaitingScreening, _rule.Id) { CaseId = was.CaseId, Zone = was.Zone, EvidenceDate = day.Date.PlusDays(-1), Detail = $"{stage.StepDownAfterDays} days without a new infection; no all-negative screening round yet" };
                        _units[unit] = state;
                        Schedule(d + 1, unit);
                        _touched.Add(unit);
                        continue;
                    }

                    if (stage.Next < 0)
                    {
                        _units.Remove(unit);
                        writer.Lift(unit, new RiskReason(RiskReasonCodes.DesignationLifted, _rule.Id) { EvidenceDate = day.Date.PlusDays(-1), Detail = $"{stage.StepDownAfterDays} days without a new infection" });
                        continue;
                    }

                    var reason = new RiskReason(RiskReasonCodes.SteppedDown, _rule.Id) { EvidenceDate = day.Date.PlusDays(-1), Detail = $"{stage.StepDownAfterDays} days without a new infection in '{stage.Id}'" };
                    Enter(unit, stage.Next, d - 1, reason, state.Insufficient);
                }
            }

            // Today's infections designate their places.
            var events = day.Events;
            for (var i = 0; i < events.Cases.Length; i++)
            {
                var c = events.Cases[i];
                if (!_rule._counts[(int)c.Kind] || _rule._ignored[(int)c.FoundUnder])
                {
                    continue;
                }

                if (events.Residences[i] >= 0)
                {
                    Hit(tree, events.Residences[i], _rule._residence, RiskReasonCodes.ResidenceOfCase, c, d, day.Date, activity: false);
                }

                var start = events.ActivityStarts[i];
                for (var a = 0; a < c.Activities.Count; a++)
                {
                    var highRisk = c.Activities[a].HighRisk;
                    var stage = highRisk ? _rule._highRiskActivity : _rule._activity;
                    if (stage >= 0)
                    {
                        Hit(tree, events.ActivityZones[start + a], stage, highRisk ? RiskReasonCodes.HighRiskActivityPlace : RiskReasonCodes.ActivityPlaceOfCase, c, d, day.Date, activity: true);
                    }
                }
            }

            foreach (var unit in _touched)
            {
#if NET8_0_OR_GREATER
                ref var state = ref CollectionsMarshal.GetValueRefOrNullRef(_units, unit);
                if (Unsafe.IsNullRef(ref state))
                {
                    continue;
                }

                if (state.Reason is null)
                {
                    state.Reason = Name(tree, state.Hit, day.Date);
                    state.Hit = default;
                }
#else
                if (!_units.TryGetValue(unit, out var state))
                {
                    continue;
                }

                if (state.Reason is null)
                {
                    state.Reason = Name(tree, state.Hit, day.Date);
                    state.Hit = default;
                    _units[unit] = state;
                }
#endif

                if (state.Insufficient)
                {
                    writer.MarkInsufficientData(unit, RiskLevel.None, state.Reason, containsRiskZone: true);
                }
                else
                {
                    writer.Designate(unit, _rule._stages[state.Stage].Level, state.Reason, _setup.FirstDay.PlusDays(state.CheckDay));
                }
            }
        }

        private static bool ScreenedWithin(EpidemicHistory history, ZoneTree tree, int unit, int lastDay, int days)
        {
            for (var k = lastDay; k > lastDay - days && k >= 0; k--)
            {
                if (RiskDay.WasScreenedNegative(history.DayAt(k), tree, unit))
                {
                    return true;
                }
            }

            return false;
        }

        private void Hit(ZoneTree tree, int zone, int stage, string code, CaseReport c, int d, LocalDate date, bool activity)
        {
            // The investigation's choice applies to the case's residence; activity places use the edition's unit.
            // (RiskPolicy.Evaluate checked the choices beforehand.)
            var drawingUnit = !activity && c.DrawingUnit != ZoneKind.Unknown ? c.DrawingUnit : _rule.DrawingUnit;

            var target = DrawingZone(tree, zone, drawingUnit);
            var insufficient = target < 0;
            if (insufficient)
            {
                target = zone;
            }

            // One lookup of the zone's state per hit: the slot is read for the escalation and then overwritten in place.
#if NET8_0_OR_GREATER
            ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_units, target, out var exists);
#else
            var exists = _units.TryGetValue(target, out var state);
#endif
            if (exists)
            {
                var current = _rule._stages[state.Stage];
                var onNew = current.Escalation >= 0 ? current.Escalation : state.Stage;
                stage = _rule._stages[stage].Level >= _rule._stages[onNew].Level ? stage : onNew;
            }

            // The reason is named at the end of the day, for the zone's last hit only (a busy zone is hit many times a day).
            var hit = new PendingHit(c, zone, insufficient ? RiskReasonCodes.ZoneCoarserThanDrawingUnit : code, drawingUnit, activity || insufficient);
            Enter(ref state, exists, target, stage, d, null, insufficient, hit);
#if !NET8_0_OR_GREATER
            _units[target] = state;
#endif
        }

        /// <summary>Names the reason of a zone's last hit of the day.</summary>
        private RiskReason Name(ZoneTree tree, in PendingHit hit, LocalDate date)
        {
            var insufficient = ReferenceEquals(hit.Code, RiskReasonCodes.ZoneCoarserThanDrawingUnit);
            return new RiskReason(hit.Code, _rule.Id)
            {
                CaseId = hit.Case.Id,
                Zone = hit.Named ? tree.IdAt(hit.Place) : default,
                EvidenceDate = date,
                Detail = insufficient ? $"the place is known only at a {tree.KindAt(hit.Place)}, coarser than the drawing unit {hit.DrawingUnit}" : null,
            };
        }

        private void Enter(int unit, int stage, int anchor, RiskReason? reason, bool insufficient)
        {
            var exists = _units.TryGetValue(unit, out var state);
            Enter(ref state, exists, unit, stage, anchor, reason, insufficient, default);
            _units[unit] = state;
        }

        /// <summary>Puts a zone at a stage from an anchor day, in its state's slot (<paramref name="exists"/>: the slot held the zone's state).</summary>
        private void Enter(ref UnitState state, bool exists, int unit, int stage, int anchor, RiskReason? reason, bool insufficient, in PendingHit hit)
        {
            // The run starts the day after the anchor and counts every day (this rule skips none), so its day N is
            // anchor + N; the step-down takes effect the day after.
            var check = anchor + _rule._stages[stage].StepDownAfterDays + 1;
            var scheduled = exists && state.CheckDay == check;
            state = new UnitState { Stage = stage, CheckDay = check, Insufficient = insufficient, Reason = reason, Hit = hit };
            if (!scheduled)
            {
                // A zone is listed under its check day once (it is hit again and again on a busy day).
                Schedule(check, unit);
            }

            _touched.Add(unit);
        }

        private void Schedule(int day, int unit)
        {
            if (!_checks.TryGetValue(day, out var list))
            {
                list = new List<int>();
                _checks[day] = list;
            }

            list.Add(unit);
        }
    }
}

/// <summary>One stage of a <see cref="CaseDesignationRule"/>'s ladder.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class CaseStage
{
    internal CaseStage(string id, RiskLevel level, int stepDownAfterDays, bool requireNegativeScreening, int screeningWithinDays, string? stepDownTo, string? onNewInfection)
    {
        Id = id;
        Level = level;
        StepDownAfterDays = stepDownAfterDays;
        RequireNegativeScreening = requireNegativeScreening;
        ScreeningWithinDays = screeningWithinDays;
        StepDownTo = stepDownTo;
        OnNewInfection = onNewInfection;
    }

    /// <summary>Gets the stage's id.</summary>
    public string Id { get; }

    /// <summary>Gets the stage's level.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets N: the number of consecutive days without a new infection before stepping down.</summary>
    public int StepDownAfterDays { get; }

    /// <summary>Gets whether stepping down also needs an all-negative screening round.</summary>
    public bool RequireNegativeScreening { get; }

    /// <summary>Gets how many days, ending on the last day of the run, the round may lie in (0 when no round is needed).</summary>
    public int ScreeningWithinDays { get; }

    /// <summary>Gets the id of the stage entered on stepping down, or null when the designation is lifted.</summary>
    public string? StepDownTo { get; }

    /// <summary>Gets the id of the stage entered when a new infection hits the zone, or null to restart this stage.</summary>
    public string? OnNewInfection { get; }

    internal int Next { get; set; } = -1;

    internal int Escalation { get; set; } = -1;

    /// <summary>Returns the stage's id, days and screening condition.</summary>
    /// <returns>E.g. <c>High 7d+NAT → MediumFromHigh</c>.</returns>
    public override string ToString()
        => $"{Id} {StepDownAfterDays.ToString(CultureInfo.InvariantCulture)}d{(RequireNegativeScreening ? "+NAT" : string.Empty)}{(StepDownTo is null ? string.Empty : " → " + StepDownTo)}";
}
