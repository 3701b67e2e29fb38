using System;
using System.Collections.Generic;
using System.Linq;
using NodaTime;

namespace CommunityControl.Staffing;

/// <summary>
/// Pairs one person's clock records into sessions and credits them to the person's planned shifts; the rules are
/// documented on <see cref="AttendanceSheet"/>.
/// </summary>
internal sealed class AttendanceMatcher
{
    private readonly Duration _longest;

    public AttendanceMatcher(Duration longestSession) => _longest = longestSession;

    public int Missing { get; private set; }

    public int Stray { get; private set; }

    public int Repeated { get; private set; }

    public double SessionHours { get; private set; }

    /// <summary>Builds the sessions of one person's records: (clock-in, clock-out or null when it is missing).</summary>
    public List<(Instant In, Instant? Out)> Sessions(IEnumerable<AttendanceRecord> records)
    {
        var sessions = new List<(Instant In, Instant? Out)>();
        Instant? open = null;
        Instant? lastOut = null;
        foreach (var r in records.OrderBy(r => r.At).ThenBy(r => r.Kind))
        {
            if (r.Kind == AttendanceKind.ClockIn)
            {
                if (open is { } o)
                {
                    if (lastOut is null && r.At - o <= _longest)
                    {
                        Repeated++;
                        continue;
                    }

                    Close(sessions, o, lastOut);
                }

                (open, lastOut) = (r.At, null);
                continue;
            }

            if (open is not { } start || r.At - start > _longest)
            {
                Stray++;
                if (open is { } o)
                {
                    Close(sessions, o, lastOut);
                    (open, lastOut) = (null, null);
                }

                continue;
            }

            Repeated += lastOut is null ? 0 : 1;
            lastOut = r.At;
        }

        if (open is { } last)
        {
            Close(sessions, last, lastOut);
        }

        return sessions;
    }

    /// <summary>Credits sessions to windows sorted by start: each instant is credited to one window at most.</summary>
    public (double Hours, bool Missing)[] Credit(List<(Instant In, Instant? Out)> sessions, (Instant Start, Instant End)[] windows)
    {
        var result = new (double Hours, bool Missing)[windows.Length];
        var creditedUntil = Instant.MinValue;
        for (var w = 0; w < windows.Length; w++)
        {
            var (start, end) = windows[w];
            var from = start > creditedUntil ? start : creditedUntil;
            var hours = 0.0;
            foreach (var (sIn, sOut) in sessions)
            {
                if (sOut is { } o)
                {
                    var a = sIn > from ? sIn : from;
                    var b = o < end ? o : end;
                    hours += b > a ? (b - a).TotalHours : 0;
                }
            }

            result[w].Hours = hours;
            creditedUntil = end > creditedUntil ? end : creditedUntil;
        }

        // A session without a clock-out is flagged on the first window it would reach if it had run its longest.
        foreach (var (sIn, sOut) in sessions)
        {
            if (sOut is null)
            {
                var w = Array.FindIndex(windows, x => x.End > sIn && x.Start < sIn + _longest);
                if (w >= 0)
                {
                    result[w].Missing = true;
                }
            }
        }

        return result;
    }

    private void Close(List<(Instant In, Instant? Out)> sessions, Instant start, Instant? end)
    {
        sessions.Add((start, end));
        if (end is { } e)
        {
            SessionHours += (e - start).TotalHours;
        }
        else
        {
            Missing++;
        }
    }
}
