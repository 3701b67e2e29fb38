using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Epidemiology;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>
/// Wuhan's 2020 epidemic-free compounds (无疫情小区, cn-policy §6.3): a zone is certified after N consecutive days without
/// an infection, with no open suspicion, and (when the edition names one) a readiness flag such as "六个到位"; a new
/// infection revokes it, a new suspicion suspends it, and the suspicion's exclusion restores it (the suspended days count:
/// the certification keeps its original date).
/// </summary>
/// <remarks>
/// <para><b>Days.</b> The count runs from the history's first day or the day after the last infection; the zone is
/// certified on the day after day N. A suspicion is "open" from its report until it is confirmed (a report with the same
/// id) or excluded (a <see cref="CaseExclusion"/>).</para>
/// <para><b>Unknowns.</b> A readiness flag not published when the run is complete, or an infection or suspicion located
/// only at a zone larger than the unit (it may be in any unit inside), makes the affected units
/// <see cref="RiskAssessmentOutcome.InsufficientData"/> (at least the certified level) until it is resolved — never a guess.</para>
/// </remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
internal sealed class EpidemicFreeCertificationRule : IRiskRule
{
    private readonly bool[] _counts;

    private EpidemicFreeCertificationRule(string id, RiskScale scale, ZoneKind unit, CaseKind[] infections, int days, string? readinessMetric, RiskLevel certified, RiskLevel suspended, RiskLevel notCertified)
    {
        Id = id;
        Scale = scale;
        Unit = unit;
        Infections = Array.AsReadOnly(infections);
        DaysWithoutInfection = days;
        ReadinessMetric = readinessMetric;
        Certified = certified;
        Suspended = suspended;
        NotCertified = notCertified;
        _counts = new bool[4];
        foreach (var k in infections)
        {
            _counts[(int)k] = true;
        }
    }

    /// <inheritdoc/>
    public string Id { get; }

    /// <summary>Gets the scale the levels are on.</summary>
    public RiskScale Scale { get; }

    /// <summary>Gets the kind of the zones certified.</summary>
    public ZoneKind Unit { get; }

    /// <summary>Gets the case kinds that revoke a certification.</summary>
    public IReadOnlyList<CaseKind> Infections { get; }

    /// <summary>Gets N: the consecutive days without an infection before certification.</summary>
    public int DaysWithoutInfection { get; }

    /// <summary>Gets the yes/no metric that must be 1 to certify, or null.</summary>
    public string? ReadinessMetric { get; }

    /// <summary>Gets the certified level.</summary>
    public RiskLevel Certified { get; }

    /// <summary>Gets the suspended level.</summary>
    public RiskLevel Suspended { get; }

    /// <summary>Gets the not-certified (or revoked) level.</summary>
    public RiskLevel NotCertified { get; }

    /// <summary>Creates the rule from options.</summary>
    /// <param name="id">The rule's id.</param>
    /// <param name="options">The parameters.</param>
    /// <param name="scale">The policy's scale.</param>
    /// <returns>The rule.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; every problem is listed with its path.</exception>
    public static EpidemicFreeCertificationRule FromOptions(string id, EpidemicFreeCertificationOptions options, RiskScale scale)
    {
        Guard.NotNullOrWhiteSpace(id);
        Guard.NotNull(options);
        Guard.NotNull(scale);
        var problems = new List<(string Path, string Message)>();
        return TryCreate(id, options, scale, "epidemicFreeCertification", problems)
            ?? throw new ModelValidationException(typeof(EpidemicFreeCertificationRule), problems.Select(p => p.Path + ": " + p.Message));
    }

    /// <inheritdoc/>
    public IRiskRuleEvaluator CreateEvaluator(RiskRuleSetup setup) => new Evaluator(this, Guard.NotNull(setup));

    /// <summary>Returns the id, unit and days.</summary>
    /// <returns>E.g. <c>EpidemicFreeCertificationRule epidemic-free (Compound, 14 days, SixInPlace)</c>.</returns>
    public override string ToString() => $"EpidemicFreeCertificationRule {Id} ({Unit}, {DaysWithoutInfection} days{(ReadinessMetric is null ? string.Empty : ", " + ReadinessMetric)})";

    internal static EpidemicFreeCertificationRule? TryCreate(string id, EpidemicFreeCertificationOptions options, RiskScale? scale, string path, List<(string Path, string Message)> problems)
    {
        var before = problems.Count;
        var unit = OptionsReading.Kind(options.Unit, path + ".unit", problems);
        var infections = OptionsReading.Enums(options.Infections, path + ".infections", problems, required: true);
        if (infections.Contains(CaseKind.Suspected))
        {
            problems.Add((path + ".infections", "Suspicions suspend a certification; they are not infections."));
        }

        var days = OptionsReading.AtLeast(options.DaysWithoutInfection, 1, path + ".daysWithoutInfection", problems);
        if (options.ReadinessMetric is not null)
        {
            OptionsReading.Metric(options.ReadinessMetric, path + ".readinessMetric", problems);
        }

        var certified = OptionsReading.Level(scale, options.Certified, path + ".certified", problems);
        var suspended = OptionsReading.Level(scale, options.Suspended, path + ".suspended", problems);
        var notCertified = OptionsReading.Level(scale, options.NotCertified, path + ".notCertified", problems);
        if (certified is not null && suspended is not null && notCertified is not null && !(certified < suspended && suspended < notCertified))
        {
            problems.Add((path, "The levels must be ordered certified < suspended < notCertified in severity."));
        }

        return problems.Count > before || scale is null ? null : new EpidemicFreeCertificationRule(id, scale, unit!.Value, infections, days!.Value, options.ReadinessMetric, certified!.Value, suspended!.Value, notCertified!.Value);
    }

    private enum Status
    {
        NotCertified = 0,
        Certified = 1,
        Suspended = 2,
    }

    private struct UnitState
    {
        public Status Status;
        public int LastInfection;
        public int CompleteOn;
        public int OpenSuspects;
        public int CertifiedOn;
        public int UnknownThrough;
        public bool WrittenInsufficient;
        public Status Written;
        public bool HasWritten;
        public RiskReason? Reason;
    }

    private sealed class Evaluator : IRiskRuleEvaluator
    {
        private readonly EpidemicFreeCertificationRule _rule;
        private readonly RiskRuleSetup _setup;
        private readonly int[] _units;
        private readonly Dictionary<int, int> _slots;
        private readonly UnitState[] _state;
        private readonly Dictionary<string, int> _suspects;

        public Evaluator(EpidemicFreeCertificationRule rule, RiskRuleSetup setup)
        {
            _rule = rule;
            _setup = setup;
            var units = setup.Tree.OfKind(rule.Unit);
            _units = new int[units.Count];
            _slots = new Dictionary<int, int>(units.Count);
            _state = new UnitState[units.Count];
            for (var u = 0; u < units.Count; u++)
            {
                _units[u] = units.IndexAt(u);
                _slots[_units[u]] = u;
                _state[u].LastInfection = -1;
                _state[u].CompleteOn = RunCompleteDay(-1);
                _state[u].UnknownThrough = -1;
            }

            _suspects = new Dictionary<string, int>(StringComparer.Ordinal);
        }

        public void EvaluateDay(RiskDay day, RiskDesignationWriter writer)
        {
            var d = day.DayIndex;
            var tree = day.Tree;
            var date = day.Date;

            // Certifications decided at the end of yesterday take effect today.
            if (d > 0)
            {
                var yesterday = day.History.DayAt(d - 1);
                for (var u = 0; u < _units.Length; u++)
                {
                    ref var s = ref _state[u];
                    if (s.Status != Status.NotCertified || s.OpenSuspects > 0 || d - 1 < s.CompleteOn)
                    {
                        continue;
                    }

                    if (_rule.ReadinessMetric is { } metric)
                    {
                        if (!yesterday.ReadingValues.TryGetValue(new ReadingKey(_units[u], metric), out var ready))
                        {
                            s.Reason = new RiskReason(RiskReasonCodes.MissingIndicator, _rule.Id) { Metric = metric, EvidenceDate = date.PlusDays(-1), Detail = $"{_rule.DaysWithoutInfection} days without an infection; readiness not published" };
                            s.UnknownThrough = Math.Max(s.UnknownThrough, d);
                            continue;
                        }

                        if (ready != 1)
                        {
                            s.Reason = new RiskReason(RiskReasonCodes.NotCertified, _rule.Id) { Metric = metric, Value = ready, EvidenceDate = date.PlusDays(-1), Detail = "readiness not met" };
                            continue;
                        }
                    }

                    s.Status = Status.Certified;
                    s.CertifiedOn = d;
                    s.Reason = new RiskReason(RiskReasonCodes.Certified, _rule.Id) { EvidenceDate = date.PlusDays(-1), Detail = $"{_rule.DaysWithoutInfection} days without an infection and no open suspicion" };
                }
            }

            var events = day.Events;
            for (var i = 0; i < events.Cases.Length; i++)
            {
                var c = events.Cases[i];
                var residence = events.Residences[i];
                if (_suspects.TryGetValue(c.Id, out var suspectUnit) && c.Kind != CaseKind.Suspected)
                {
                    _suspects.Remove(c.Id);
                    if (suspectUnit >= 0)
                    {
                        _state[suspectUnit].OpenSuspects--;
                    }
                }

                if (residence < 0)
                {
                    continue;
                }

                var slot = Slot(tree, residence);
                if (slot == -1)
                {
                    // Located only above the unit: every unit inside is unknown while the event matters.
                    if (c.Kind == CaseKind.Suspected || _rule._counts[(int)c.Kind])
                    {
                        MarkUnknownBelow(tree, residence, d + _rule.DaysWithoutInfection, c, date);
                    }

                    continue;
                }

                if (slot < 0)
                {
                    continue;
                }

                ref var s = ref _state[slot];
                if (c.Kind == CaseKind.Suspected)
                {
                    s.OpenSuspects++;
                    _suspects[c.Id] = slot;
                    if (s.Status == Status.Certified)
                    {
                        s.Status = Status.Suspended;
                        s.Reason = new RiskReason(RiskReasonCodes.Suspended, _rule.Id) { CaseId = c.Id, EvidenceDate = date };
                    }
                }
                else if (_rule._counts[(int)c.Kind])
                {
                    var wasCertified = s.Status != Status.NotCertified;
                    s.Status = Status.NotCertified;
                    s.LastInfection = d;
                    s.CompleteOn = RunCompleteDay(d);
                    s.Reason = new RiskReason(wasCertified ? RiskReasonCodes.Revoked : RiskReasonCodes.NotCertified, _rule.Id) { CaseId = c.Id, EvidenceDate = date };
                }
            }

            foreach (var x in events.Exclusions)
            {
                if (!_suspects.TryGetValue(x.CaseId, out var slot))
                {
                    continue;
                }

                _suspects.Remove(x.CaseId);
                if (slot < 0)
                {
                    continue;
                }

                ref var s = ref _state[slot];
                s.OpenSuspects--;
                if (s.Status == Status.Suspended && s.OpenSuspects == 0)
                {
                    s.Status = Status.Certified;
                    s.Reason = new RiskReason(RiskReasonCodes.Certified, _rule.Id) { CaseId = x.CaseId, EvidenceDate = date, Detail = "restored: the suspicion was excluded" };
                }
            }

            for (var u = 0; u < _units.Length; u++)
            {
                ref var s = ref _state[u];
                var unknown = s.UnknownThrough >= d;
                if (s.HasWritten && s.Written == s.Status && s.WrittenInsufficient == unknown)
                {
                    continue;
                }

                s.HasWritten = true;
                s.Written = s.Status;
                s.WrittenInsufficient = unknown;
                var reason = s.Reason ?? new RiskReason(RiskReasonCodes.NotCertified, _rule.Id) { EvidenceDate = date, Detail = $"fewer than {_rule.DaysWithoutInfection} days observed" };
                if (unknown)
                {
                    writer.MarkInsufficientData(_units[u], _rule.Certified, reason);
                }
                else
                {
                    var level = s.Status switch { Status.Certified => _rule.Certified, Status.Suspended => _rule.Suspended, _ => _rule.NotCertified };
                    LocalDate? since = s.Status == Status.Certified ? _setup.FirstDay.PlusDays(s.CertifiedOn) : null;
                    LocalDate? earliest = s.Status == Status.NotCertified ? _setup.FirstDay.PlusDays(Math.Max(d, s.CompleteOn + 1)) : null;
                    writer.Designate(_units[u], level, reason, earliest, since);
                }
            }
        }

        /// <summary>The day index of "day N" of a run without infection that starts the day after <paramref name="lastInfection"/>.</summary>
        private int RunCompleteDay(int lastInfection)
        {
            var dayN = ConsecutiveDays.NthCountedDay(_setup.FirstDay.PlusDays(lastInfection + 1), _rule.DaysWithoutInfection, null);
            return Period.DaysBetween(_setup.FirstDay, dayN);
        }

        /// <summary>The unit slot of a zone, −1 when the zone is larger than the unit, −2 when it lies outside any unit.</summary>
        private int Slot(ZoneTree tree, int zone)
        {
            if (tree.KindAt(zone) < _rule.Unit)
            {
                return -1;
            }

            for (var z = zone; z >= 0; z = tree.ParentIndexAt(z))
            {
                if (tree.KindAt(z) == _rule.Unit)
                {
                    return _slots[z];
                }

                if (tree.KindAt(z) < _rule.Unit)
                {
                    break;
                }
            }

            return -2;
        }

        private void MarkUnknownBelow(ZoneTree tree, int zone, int through, CaseReport c, LocalDate date)
        {
            var end = tree.SubtreeEnd(zone);
            for (var u = 0; u < _units.Length; u++)
            {
                if (_units[u] > zone && _units[u] < end)
                {
                    ref var s = ref _state[u];
                    s.UnknownThrough = Math.Max(s.UnknownThrough, through);
                    s.Reason = new RiskReason(RiskReasonCodes.ZoneCoarserThanDrawingUnit, _rule.Id) { CaseId = c.Id, Zone = tree.IdAt(zone), EvidenceDate = date, Detail = $"located only at a {tree.KindAt(zone)}" };
                }
            }

            if (c.Kind == CaseKind.Suspected)
            {
                _suspects[c.Id] = -1;
            }
        }
    }
}
