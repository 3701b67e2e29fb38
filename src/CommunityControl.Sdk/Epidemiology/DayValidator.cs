using System;
using System.Collections.Generic;
using System.Globalization;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>An input item and where it came from (a JSON path such as <c>$.cases[3]</c>, or <c>cases[3]</c> in code).</summary>
internal readonly struct Sourced<T>
    where T : class
{
    private readonly string? _path;
    private readonly string? _list;
    private readonly int _index;

    public Sourced(T? item, string path)
    {
        Item = item;
        _path = path;
        _list = null;
        _index = 0;
    }

    /// <summary>An item of a list in code (<c>cases[3]</c>), its path built only when a problem names it.</summary>
    public Sourced(T? item, string list, int index)
    {
        Item = item;
        _path = null;
        _list = list;
        _index = index;
    }

    public T? Item { get; }

    public string Path => _path ?? _list + "[" + _index.ToString(CultureInfo.InvariantCulture) + "]";
}

/// <summary>The one validation path for a day's events, used by <see cref="EpidemicHistory.Append(EpidemicDay)"/>, the builder and the JSON reader.</summary>
internal static class DayValidator
{
    public const int MaxIdLength = 64;

    /// <summary>
    /// Validates a day's events against the ids known from earlier days; null when a problem was added. When
    /// <c>reported</c> is given (at least as long as <c>cases</c>), it receives for each case the entry of its id in
    /// <c>known</c>, so that <see cref="CaseIdRegistry.Commit(DayEvents, int, CaseIdEntry[])"/> looks no id up again: the
    /// entry the id already had, or a new one (reported on <c>date</c>) added to <c>known</c> by the same lookup that
    /// found the id new. When the day is invalid, the entries added are removed again, so <c>known</c> is unchanged.
    /// </summary>
    public static DayEvents? Validate(
        ZoneTree tree,
        Dictionary<string, CaseIdEntry> known,
        LocalDate date,
        IReadOnlyList<Sourced<CaseReport>> cases,
        IReadOnlyList<Sourced<CaseExclusion>> exclusions,
        IReadOnlyList<Sourced<ScreeningRound>> screenings,
        IReadOnlyList<Sourced<IndicatorReading>> readings,
        List<(string Path, string Message)> problems,
        CaseIdEntry?[]? reported = null)
    {
        var before = problems.Count;
        var day = Format(date);
        var caseArray = new CaseReport[cases.Count];
        var residences = new int[cases.Count];
        var activityStarts = new int[cases.Count + 1];
        var activityZones = new List<int>();
        var today = new Dictionary<string, CaseKind>(cases.Count, StringComparer.Ordinal);
        var ids = new CaseIdCheck(known, today, reported);
        try
        {
            ValidateCases(tree, ids, date, day, cases, caseArray, residences, activityStarts, activityZones, problems);
        }
        catch
        {
            // Nothing is expected to throw here; if something does, the known ids are left as they were.
            if (reported is not null)
            {
                ForgetAdded(known, date, caseArray, reported);
            }

            throw;
        }

        activityStarts[cases.Count] = activityZones.Count;
        var exclusionArray = ValidateExclusions(known, date, day, exclusions, today, problems);
        var screeningArray = new ScreeningRound[screenings.Count];
        var screeningZones = new int[screenings.Count];
        ValidateScreenings(tree, date, day, screenings, screeningArray, screeningZones, problems);
        var readingArray = new IndicatorReading[readings.Count];
        var readingZones = new int[readings.Count];
        ValidateReadings(tree, date, day, readings, readingArray, readingZones, problems);

        if (problems.Count > before)
        {
            if (reported is not null)
            {
                ForgetAdded(known, date, caseArray, reported);
            }

            return null;
        }

        return new DayEvents(date, caseArray, residences, activityStarts, activityZones.ToArray(), exclusionArray, screeningArray, screeningZones, readingArray, readingZones);
    }

    private static void ValidateCases(
        ZoneTree tree,
        CaseIdCheck ids,
        LocalDate date,
        string day,
        IReadOnlyList<Sourced<CaseReport>> cases,
        CaseReport[] caseArray,
        int[] residences,
        int[] activityStarts,
        List<int> activityZones,
        List<(string Path, string Message)> problems)
    {
        // Paths are built only for the problems found: a valid day of 25,000 cases builds none.
        var zones = new ResolvedZones(tree, cases);
        for (var i = 0; i < cases.Count; i++)
        {
            var source = cases[i];
            var c = source.Item;
            activityStarts[i] = activityZones.Count;
            if (c is null)
            {
                problems.Add((source.Path, "A case report must not be null."));
                continue;
            }

            caseArray[i] = c;
            if (!IsValidCaseId(c.Id))
            {
                CheckCaseId(c.Id, source.Path + ".id", problems);
            }

            if (c.Kind is < CaseKind.Confirmed or > CaseKind.Suspected)
            {
                problems.Add((source.Path + ".kind", "The case kind is required: Confirmed, Asymptomatic or Suspected."));
            }

            if (c.Reported != date)
            {
                problems.Add((source.Path + ".reported", $"The case was reported on {Format(c.Reported)} but belongs to the day {day}."));
            }

            if (c.FoundUnder is < ControlSetting.None or > ControlSetting.HomeIsolation)
            {
                problems.Add((source.Path + ".foundUnder", $"{(int)c.FoundUnder} is not a ControlSetting."));
            }

            residences[i] = zones.Next();
            if (!c.Residence.IsEmpty && residences[i] < 0)
            {
                problems.Add((source.Path + ".residence", ZoneProblem(c.Residence, "residence")));
            }

            ResolveActivities(ref zones, c, source, activityZones, problems);
            CheckCaseIdIsNew(ids, i, c, source, date, day, problems);
        }
    }

    private static void ResolveActivities(ref ResolvedZones zones, CaseReport c, Sourced<CaseReport> source, List<int> activityZones, List<(string Path, string Message)> problems)
    {
        for (var a = 0; a < c.Activities.Count; a++)
        {
            var activity = c.Activities[a];
            if (activity is null)
            {
                problems.Add((ActivityPath(source, a), "An activity place must not be null."));
                continue;
            }

            if (activity.Stay < Duration.Zero || activity.Stay > Duration.FromMinutes(CaseActivity.MaxStayMinutes))
            {
                problems.Add((ActivityPath(source, a) + ".stay", Check.Between(0, CaseActivity.MaxStayMinutes, "minutes")));
            }

            var zone = zones.Next();
            if (zone >= 0)
            {
                activityZones.Add(zone);
            }
            else
            {
                problems.Add((ActivityPath(source, a) + ".zone", ZoneProblem(activity.Zone, "activity")));
            }
        }
    }

    private static string ActivityPath(Sourced<CaseReport> source, int activity)
        => source.Path + ".activities[" + activity.ToString(CultureInfo.InvariantCulture) + "]";

    private static bool IsValidCaseId(string? id)
        => !string.IsNullOrWhiteSpace(id) && id!.Length <= MaxIdLength && PseudonymousId.Validate(id) is null;

    private static void CheckCaseIdIsNew(CaseIdCheck ids, int index, CaseReport c, Sourced<CaseReport> source, LocalDate date, string day, List<(string Path, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(c.Id) || c.Id.Length > MaxIdLength)
        {
            return;
        }

        // One lookup in today's ids (which then holds the case's kind) and, for a new id, one in the history's, which
        // also adds the id's entry when the entries are noted (see Validate).
        if (ids.SetToday(c.Id, c.Kind))
        {
            problems.Add((source.Path + ".id", $"The case id is reported twice on {day}."));
        }
        else if (ids.Reported is { } noted)
        {
            noted[index] = ids.FindOrAdd(c.Id, c.Kind, date, out var added);
            if (!added)
            {
                CheckKnownId(noted[index]!, c, source, problems);
            }
        }
        else if (ids.Known.TryGetValue(c.Id, out var entry))
        {
            CheckKnownId(entry, c, source, problems);
        }
    }

    /// <summary>Adds the problem of a case whose id is already known, unless the case confirms that id's open suspicion.</summary>
    private static void CheckKnownId(CaseIdEntry entry, CaseReport c, Sourced<CaseReport> source, List<(string Path, string Message)> problems)
    {
        var confirmsSuspicion = entry.Kind == CaseKind.Suspected && entry.ExcludedDate is null
            && c.Kind is CaseKind.Confirmed or CaseKind.Asymptomatic;
        if (!confirmsSuspicion)
        {
            problems.Add((source.Path + ".id", entry.Kind == CaseKind.Suspected && entry.ExcludedDate is { } excluded
                ? $"The case id was a suspicion excluded on {Format(excluded)}; a new infection needs a new id."
                : $"The case id was already reported on {Format(entry.ConfirmedDate ?? entry.Reported)}; ids are unique in a history."));
        }
    }

    /// <summary>Removes the entries an invalid day added to the known ids (those reported on its date: earlier days' are earlier).</summary>
    private static void ForgetAdded(Dictionary<string, CaseIdEntry> known, LocalDate date, CaseReport[] cases, CaseIdEntry?[] noted)
    {
        for (var i = 0; i < cases.Length; i++)
        {
            if (noted[i] is { } entry && entry.Reported == date && cases[i] is { } c)
            {
                known.Remove(c.Id);
                noted[i] = null;
            }
        }
    }

    private static CaseExclusion[] ValidateExclusions(
        Dictionary<string, CaseIdEntry> known,
        LocalDate date,
        string day,
        IReadOnlyList<Sourced<CaseExclusion>> exclusions,
        Dictionary<string, CaseKind> today,
        List<(string Path, string Message)> problems)
    {
        var exclusionArray = new CaseExclusion[exclusions.Count];
        var clearedToday = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < exclusions.Count; i++)
        {
            var path = exclusions[i].Path;
            var x = exclusions[i].Item;
            if (x is null)
            {
                problems.Add((path, "An exclusion must not be null."));
                continue;
            }

            exclusionArray[i] = x;
            if (x.Date != date)
            {
                problems.Add((path + ".date", $"The exclusion is dated {Format(x.Date)} but belongs to the day {day}."));
            }

            if (!CheckCaseId(x.CaseId, path + ".caseId", problems))
            {
                continue;
            }

            var isSuspect = today.TryGetValue(x.CaseId, out var kindToday)
                ? kindToday == CaseKind.Suspected
                : known.TryGetValue(x.CaseId, out var entry) && entry.Kind == CaseKind.Suspected && entry.ExcludedDate is null;
            if (!isSuspect || !clearedToday.Add(x.CaseId))
            {
                problems.Add((path + ".caseId", $"The case id names no open suspicion to exclude on {day}: the id is unknown, already confirmed, or already excluded."));
            }
        }

        return exclusionArray;
    }

    private static void ValidateScreenings(ZoneTree tree, LocalDate date, string day, IReadOnlyList<Sourced<ScreeningRound>> screenings, ScreeningRound[] screeningArray, int[] screeningZones, List<(string Path, string Message)> problems)
    {
        for (var i = 0; i < screenings.Count; i++)
        {
            var path = screenings[i].Path;
            var s = screenings[i].Item;
            if (s is null)
            {
                problems.Add((path, "A screening round must not be null."));
                continue;
            }

            screeningArray[i] = s;
            if (s.Date != date)
            {
                problems.Add((path + ".date", $"The screening round is dated {Format(s.Date)} but belongs to the day {day}."));
            }

            screeningZones[i] = ResolveZone(tree, s.Zone, path + ".zone", "screening", problems);
        }
    }

    private static void ValidateReadings(ZoneTree tree, LocalDate date, string day, IReadOnlyList<Sourced<IndicatorReading>> readings, IndicatorReading[] readingArray, int[] readingZones, List<(string Path, string Message)> problems)
    {
        var seen = new HashSet<ReadingKey>();
        for (var i = 0; i < readings.Count; i++)
        {
            var path = readings[i].Path;
            var r = readings[i].Item;
            if (r is null)
            {
                problems.Add((path, "An indicator reading must not be null."));
                continue;
            }

            readingArray[i] = r;
            if (r.Date != date)
            {
                problems.Add((path + ".date", $"The reading is dated {Format(r.Date)} but belongs to the day {day}."));
            }

            readingZones[i] = ResolveZone(tree, r.Zone, path + ".zone", "indicator", problems);
            var metricOk = CheckId(r.Metric, path + ".metric", "metric name", problems);
            CheckValue(r, path, problems);
            if (metricOk && readingZones[i] >= 0 && !seen.Add(new ReadingKey(readingZones[i], r.Metric)))
            {
                problems.Add((path + ".metric", $"Zone '{r.Zone}' has two values of {r.Metric} on {day}."));
            }
        }
    }

    public static string Format(LocalDate date) => date.ToString("uuuu'-'MM'-'dd", CultureInfo.InvariantCulture);

    private static void CheckValue(IndicatorReading r, string path, List<(string Path, string Message)> problems)
    {
        var v = r.Value;
        var shown = v.ToString("R", CultureInfo.InvariantCulture);
        if (double.IsNaN(v) || double.IsInfinity(v))
        {
            problems.Add((path + ".value", $"The value of {r.Metric} must be a finite number; it was {shown}."));
        }
        else if (v < 0)
        {
            problems.Add((path + ".value", $"The value of {r.Metric} must not be negative; it was {shown}."));
        }
        else if (IndicatorMetrics.IsPercentage(r.Metric) && v > 100)
        {
            problems.Add((path + ".value", $"{r.Metric} is a percentage and must be at most 100; it was {shown}."));
        }
        else if (IndicatorMetrics.IsFlag(r.Metric) && v != 0 && v != 1)
        {
            problems.Add((path + ".value", $"{r.Metric} is a yes/no flag and must be 0 or 1; it was {shown}."));
        }
    }

    /// <summary>A case id is a pseudonymous id like <see cref="PersonId"/>: never a phone number, a resident ID number or a name (never echoed).</summary>
    private static bool CheckCaseId(string? id, string path, List<(string Path, string Message)> problems)
    {
        if (!CheckId(id, path, "case id", problems))
        {
            return false;
        }

        if (PseudonymousId.Validate(id!) is { } error)
        {
            problems.Add((path, "The case id is not pseudonymous. " + error));
            return false;
        }

        return true;
    }

    private static bool CheckId(string? id, string path, string what, List<(string Path, string Message)> problems)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            problems.Add((path, $"A {what} is required."));
            return false;
        }

        if (id!.Length > MaxIdLength)
        {
            problems.Add((path, $"A {what} must be at most {MaxIdLength} characters; it has {id.Length}."));
            return false;
        }

        return true;
    }

    private static int ResolveZone(ZoneTree tree, ZoneId zone, string path, string what, List<(string Path, string Message)> problems)
    {
        var index = tree.IndexOf(zone);
        if (index < 0)
        {
            problems.Add((path, ZoneProblem(zone, what)));
        }

        return index;
    }

    // The problem of a zone the tree does not resolve (IndexOf gives -1 for the empty id too).
    private static string ZoneProblem(ZoneId zone, string what)
        => zone.IsEmpty ? $"The {what} zone is required." : $"The {what} zone '{zone}' is not in the zone tree.";
}

/// <summary>
/// The zones a day's cases name, resolved in one batch (<see cref="ZoneTree.IndexOfMany"/>) before the cases are checked
/// one by one: each case's residence, then its activity places, in the order the check reads them (null cases and null
/// activities name none).
/// </summary>
internal struct ResolvedZones
{
    private readonly int[] _indexes;
    private int _next;

    public ResolvedZones(ZoneTree tree, IReadOnlyList<Sourced<CaseReport>> cases)
    {
        var count = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Item is { } c)
            {
                count += 1 + c.Activities.Count;
            }
        }

        var ids = new ZoneId[count];
        var n = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            if (cases[i].Item is not { } c)
            {
                continue;
            }

            ids[n++] = c.Residence;
            for (var a = 0; a < c.Activities.Count; a++)
            {
                if (c.Activities[a] is { } activity)
                {
                    ids[n++] = activity.Zone;
                }
            }
        }

        _indexes = new int[n];
        tree.IndexOfMany(ids, n, _indexes);
        _next = 0;
    }

    /// <summary>Gets the next zone's dense index, or −1 when the tree has none (or the id is empty).</summary>
    public int Next() => _indexes[_next++];
}

/// <summary>The ids a day's cases are checked against: the history's, today's (with each case's kind), and where to note the history's entry of each case.</summary>
internal readonly struct CaseIdCheck
{
    private readonly Dictionary<string, CaseKind> _today;

    public CaseIdCheck(Dictionary<string, CaseIdEntry> known, Dictionary<string, CaseKind> today, CaseIdEntry?[]? reported)
    {
        Known = known;
        _today = today;
        Reported = reported;
    }

    public Dictionary<string, CaseIdEntry> Known { get; }

    public CaseIdEntry?[]? Reported { get; }

    /// <summary>
    /// Gets the entry of an id not reported today: the one it already has (<paramref name="added"/> false), or a new one
    /// reported on <paramref name="date"/>, added by the same lookup.
    /// </summary>
    public CaseIdEntry FindOrAdd(string id, CaseKind kind, LocalDate date, out bool added)
    {
#if NET8_0_OR_GREATER
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(Known, id, out var exists);
        added = !exists;
        return exists ? slot! : slot = new CaseIdEntry { Kind = kind, Reported = date };
#else
        added = !Known.TryGetValue(id, out var entry);
        if (added)
        {
            entry = new CaseIdEntry { Kind = kind, Reported = date };
            Known.Add(id, entry);
        }

        return entry!;
#endif
    }

    /// <summary>Sets an id's kind today (a later report of the same id overwrites it); true when the id was already reported today.</summary>
    public bool SetToday(string id, CaseKind kind)
    {
#if NET8_0_OR_GREATER
        ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_today, id, out var exists);
        slot = kind;
        return exists;
#else
        var exists = _today.ContainsKey(id);
        _today[id] = kind;
        return exists;
#endif
    }
}
