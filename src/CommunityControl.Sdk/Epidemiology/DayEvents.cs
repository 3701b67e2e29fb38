using System;
using System.Collections.Generic;
using NodaTime;

namespace CommunityControl.Epidemiology;

/// <summary>One day of a history, validated, with every zone resolved to its dense index. Immutable.</summary>
internal sealed class DayEvents
{
    public static readonly Dictionary<ReadingKey, double> NoReadings = new();

    private static readonly int[] ZeroStart = { 0 };

    private IReadOnlyList<CaseReport>? _caseList;
    private IReadOnlyList<CaseExclusion>? _exclusionList;
    private IReadOnlyList<ScreeningRound>? _screeningList;
    private IReadOnlyList<IndicatorReading>? _readingList;

    public DayEvents(
        LocalDate date,
        CaseReport[] cases,
        int[] residences,
        int[] activityStarts,
        int[] activityZones,
        CaseExclusion[] exclusions,
        ScreeningRound[] screenings,
        int[] screeningZones,
        IndicatorReading[] readings,
        int[] readingZones)
    {
        Date = date;
        Cases = cases;
        Residences = residences;
        ActivityStarts = activityStarts;
        ActivityZones = activityZones;
        Exclusions = exclusions;
        Screenings = screenings;
        ScreeningZones = screeningZones;
        Readings = readings;
        ReadingZones = readingZones;
        if (readings.Length == 0)
        {
            ReadingValues = NoReadings;
        }
        else
        {
            ReadingValues = new Dictionary<ReadingKey, double>(readings.Length);
            for (var i = 0; i < readings.Length; i++)
            {
                ReadingValues[new ReadingKey(readingZones[i], readings[i].Metric)] = readings[i].Value;
            }
        }

        if (screenings.Length > 0)
        {
            NegativeScreenings = new HashSet<int>();
            for (var i = 0; i < screenings.Length; i++)
            {
                if (screenings[i].AllNegative)
                {
                    NegativeScreenings.Add(screeningZones[i]);
                }
            }
        }
    }

    public LocalDate Date { get; }

    public CaseReport[] Cases { get; }

    public IReadOnlyList<CaseReport> CaseList => _caseList ??= Array.AsReadOnly(Cases);

    public IReadOnlyList<CaseExclusion> ExclusionList => _exclusionList ??= Array.AsReadOnly(Exclusions);

    public IReadOnlyList<ScreeningRound> ScreeningList => _screeningList ??= Array.AsReadOnly(Screenings);

    public IReadOnlyList<IndicatorReading> ReadingList => _readingList ??= Array.AsReadOnly(Readings);

    /// <summary>Dense index of each case's residence, or −1.</summary>
    public int[] Residences { get; }

    /// <summary>Case i's activities are <see cref="ActivityZones"/>[ActivityStarts[i] .. ActivityStarts[i + 1]).</summary>
    public int[] ActivityStarts { get; }

    public int[] ActivityZones { get; }

    public CaseExclusion[] Exclusions { get; }

    public ScreeningRound[] Screenings { get; }

    public int[] ScreeningZones { get; }

    public IndicatorReading[] Readings { get; }

    public int[] ReadingZones { get; }

    public Dictionary<ReadingKey, double> ReadingValues { get; }

    /// <summary>Zones with an all-negative round that day, or null when there was no round.</summary>
    public HashSet<int>? NegativeScreenings { get; }

    public static DayEvents Empty(LocalDate date) => new(
        date,
        Array.Empty<CaseReport>(),
        Array.Empty<int>(),
        ZeroStart,
        Array.Empty<int>(),
        Array.Empty<CaseExclusion>(),
        Array.Empty<ScreeningRound>(),
        Array.Empty<int>(),
        Array.Empty<IndicatorReading>(),
        Array.Empty<int>());
}

/// <summary>A (zone index, metric) key for the readings of one day.</summary>
internal readonly struct ReadingKey : IEquatable<ReadingKey>
{
    public ReadingKey(int zone, string metric)
    {
        Zone = zone;
        Metric = metric;
    }

    public int Zone { get; }

    public string Metric { get; }

    public bool Equals(ReadingKey other) => Zone == other.Zone && string.Equals(Metric, other.Metric, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ReadingKey other && Equals(other);

    public override int GetHashCode() => unchecked((Zone * 397) ^ StringComparer.Ordinal.GetHashCode(Metric));
}

/// <summary>
/// What is known about every case id of a history, shared between a history and the one appended to it (appending is
/// the common case). Only the history at the tip (whose day count equals <see cref="Days"/>) may use it; any other
/// rebuilds its own from its days. Guarded by a lock so that concurrent appends to one history stay correct.
/// </summary>
internal sealed class CaseIdRegistry
{
    public CaseIdRegistry(int capacity = 0) => Entries = new Dictionary<string, CaseIdEntry>(capacity, StringComparer.Ordinal);

    public object Gate { get; } = new();

    public Dictionary<string, CaseIdEntry> Entries { get; }

    /// <summary>Gets or sets the number of days whose ids the registry holds.</summary>
    public int Days { get; set; }

    public static CaseIdRegistry Rebuild(DayEvents[] days, int dayCount)
    {
        var registry = new CaseIdRegistry();
        for (var d = 0; d < dayCount; d++)
        {
            registry.Commit(days[d], d);
        }

        return registry;
    }

    /// <summary>Registers the ids of a day that failed validation, so that later days are checked against them too.</summary>
    public void CommitIds(IReadOnlyList<Sourced<CaseReport>> cases, LocalDate date, int dayIndex)
    {
        foreach (var s in cases)
        {
            if (s.Item is { } c && !string.IsNullOrWhiteSpace(c.Id) && !Entries.ContainsKey(c.Id))
            {
                Entries[c.Id] = new CaseIdEntry { Kind = c.Kind, Reported = date };
            }
        }

        Days = dayIndex + 1;
    }

    /// <summary>Registers the ids of a valid day.</summary>
    /// <param name="day">The day.</param>
    /// <param name="dayIndex">The day's 0-based index in the history.</param>
    /// <param name="reported">
    /// Each case's entry as the validation noted it (see <see cref="DayValidator.Validate"/>): the entry its id had
    /// before the day, or the one the validation added for a new id (reported on the day's date, which no earlier day's
    /// entry is); or null to look the ids up here.
    /// </param>
    public void Commit(DayEvents day, int dayIndex, CaseIdEntry?[]? reported = null)
    {
        var cases = day.Cases;
        for (var i = 0; i < cases.Length; i++)
        {
            var c = cases[i];
            var entry = reported is null ? (Entries.TryGetValue(c.Id, out var found) ? found : null) : reported[i];
            if (entry is null)
            {
                Entries[c.Id] = new CaseIdEntry { Kind = c.Kind, Reported = day.Date };
            }
            else if (entry.Reported != day.Date)
            {
                // An earlier day's suspicion, confirmed today (an entry reported today was added by the validation).
                entry.Kind = c.Kind;
                entry.ConfirmedDate = day.Date;
            }
        }

        foreach (var x in day.Exclusions)
        {
            if (Entries.TryGetValue(x.CaseId, out var entry))
            {
                entry.ExcludedDate = day.Date;
            }
        }

        Days = dayIndex + 1;
    }
}

internal sealed class CaseIdEntry
{
    public CaseKind Kind { get; set; }

    public LocalDate Reported { get; set; }

    public LocalDate? ConfirmedDate { get; set; }

    public LocalDate? ExcludedDate { get; set; }
}
