using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Linq;
using System.Threading;
using CommunityControl.Internal;
using CommunityControl.Measures;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// The named fragments a measure document can include: the local rules of 2020–2022 (gates, outing quotas, night
/// closures), each with its source, embedded in the library as data (<c>Editions/Fragments/*.fragments.json</c>).
/// </summary>
/// <remarks>
/// <para>A measure document (<see cref="MeasureTableJson"/>, the <c>measures</c> of an <see cref="AccessPolicyJson"/>
/// document, the <c>measures</c> section of an edition) includes a fragment by name with <c>"preset"</c>, in three places:</para>
/// <list type="bullet">
/// <item><description>a level: <c>"levels": { "High": { "preset": "wuhan-2020-02" } }</c> takes one of <see cref="GateNames"/>
/// (a whole set of gate measures);</description></item>
/// <item><description>an outing quota: <c>"outingQuota": { "preset": "huanggang-2020" }</c> takes one of <see cref="OutingQuotaNames"/>;</description></item>
/// <item><description>a night closure: <c>"nightClosure": { "preset": "yinchuan-2020" }</c> takes one of <see cref="NightClosureNames"/>.</description></item>
/// </list>
/// <para><b>Override rule.</b> Fields given beside <c>"preset"</c> replace the fragment's fields of the same name, each
/// whole (a list or a measure is replaced, not merged); the others come from the fragment. So
/// <c>{ "preset": "huanggang-2020", "source": "our notice of 2020-02-03" }</c> is Huanggang's quota with another source,
/// and at a level <c>{ "preset": "wuhan-2020-02", "temperatureCheck": { "reportAboveCelsius": 37.5 } }</c> replaces the
/// whole temperature check.</para>
/// <para><b>Required fields.</b> Where the source leaves a parameter open (Wuhan's February 2020 interval, the 2–3 days
/// of the 2022 管控区, Anyang's end of the night), the fragment requires the document to give it, e.g.
/// <c>{ "preset": "three-zones-controlled-2022", "interval": "P2D", "window": "Rolling" }</c>: there is no invented
/// default. "Every 2 days" reads two ways (<see cref="OutingWindowKind"/>); a quota preset whose source does not say
/// which requires <c>"window"</c>, and one whose source implies a reading gives it.</para>
/// <para>An unknown name, a missing required field, or a required duration outside the range the source states is a
/// problem of the document's <see cref="DocumentFormatException"/>, with the path of the <c>preset</c> (or of the field)
/// and its line. Fragments do not nest: a fragment holds no <c>"preset"</c> of its own.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class MeasureFragments
{
    private static readonly Lazy<Catalog> LazyCatalog = new(LoadCatalog, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Gets the names of the gate fragments (whole measure sets, included at a level).</summary>
    public static IReadOnlyList<string> GateNames => LazyCatalog.Value.GateNames;

    /// <summary>Gets the names of the outing-quota fragments.</summary>
    public static IReadOnlyList<string> OutingQuotaNames => LazyCatalog.Value.QuotaNames;

    /// <summary>Gets the names of the night-closure fragments.</summary>
    public static IReadOnlyList<string> NightClosureNames => LazyCatalog.Value.ClosureNames;

    /// <summary>Gets a gate fragment as measures, e.g. <c>wuhan-2020-02</c>.</summary>
    /// <param name="name">The fragment's name.</param>
    /// <returns>The measures.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no gate fragment with that name.</exception>
    public static MeasureSet GetGate(string name)
        => Find(LazyCatalog.Value.Gates, Guard.NotNull(name), "gate").Measures!.ToMeasures("$", new List<(string Path, string Message)>());

    /// <summary>Gets an outing-quota fragment, e.g. <c>huanggang-2020</c>.</summary>
    /// <param name="name">The fragment's name.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no outing-quota fragment with that name.</exception>
    /// <exception cref="ArgumentException">The fragment requires fields that only a document can give (include it
    /// from a document, with those fields beside <c>"preset"</c>).</exception>
    public static OutingQuota GetOutingQuota(string name)
        => RequireComplete(Find(LazyCatalog.Value.Quotas, Guard.NotNull(name), "outing-quota"), name).OutingQuota!.ToMeasure();

    /// <summary>
    /// Gets an outing-quota fragment whose source leaves the reading of its interval open, read as the host decides,
    /// e.g. <c>GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling)</c>.
    /// </summary>
    /// <param name="name">The fragment's name.</param>
    /// <param name="window">How the interval is counted; replaces the fragment's reading when it states one.</param>
    /// <returns>The quota.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="window"/> is <see cref="OutingWindowKind.Unknown"/> or undefined.</exception>
    /// <exception cref="KeyNotFoundException">There is no outing-quota fragment with that name.</exception>
    /// <exception cref="ArgumentException">The fragment requires other fields that only a document can give.</exception>
    public static OutingQuota GetOutingQuota(string name, OutingWindowKind window)
    {
        if (window is not (OutingWindowKind.Rolling or OutingWindowKind.CalendarDays))
        {
            throw new ArgumentOutOfRangeException(nameof(window), window, "State Rolling or CalendarDays.");
        }

        var fragment = Find(LazyCatalog.Value.Quotas, Guard.NotNull(name), "outing-quota");
        var others = (fragment.Requires ?? new Dictionary<string, RequiredFieldDocument?>()).Keys.Where(k => k != "window").ToList();
        if (others.Count > 0)
        {
            throw new ArgumentException($"The fragment '{name}' requires {string.Join(", ", others)}, which its source does not state; include it from a document with those fields beside \"preset\".", nameof(name));
        }

        return new OutingQuotaDocument { Window = window }.Overlay(fragment.OutingQuota!).ToMeasure();
    }

    /// <summary>Gets a night-closure fragment, e.g. <c>yinchuan-2020</c>.</summary>
    /// <param name="name">The fragment's name.</param>
    /// <returns>The closure.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">There is no night-closure fragment with that name.</exception>
    /// <exception cref="ArgumentException">The fragment requires fields that only a document can give.</exception>
    public static NightClosure GetNightClosure(string name)
        => RequireComplete(Find(LazyCatalog.Value.Closures, Guard.NotNull(name), "night-closure"), name).NightClosure!.ToMeasure();

    /// <summary>Resolves a level's <c>"preset"</c>: the fragment's measures overlaid with the level's own fields.</summary>
    internal static MeasureSetDocument Resolve(MeasureSetDocument level, string path, List<(string Path, string Message)> problems)
    {
        if (level.Preset is null)
        {
            return level;
        }

        if (!LazyCatalog.Value.Gates.TryGetValue(level.Preset, out var fragment))
        {
            problems.Add((path + ".preset", Unknown("gate", level.Preset, LazyCatalog.Value.GateNames)));
            return level.Overlay(new MeasureSetDocument());
        }

        return level.Overlay(fragment.Measures!);
    }

    /// <summary>Resolves an outing quota's <c>"preset"</c> and checks the fields the fragment requires; null (no quota, problems reported) when it cannot.</summary>
    internal static OutingQuotaDocument? Resolve(OutingQuotaDocument quota, string path, List<(string Path, string Message)> problems)
    {
        if (quota.Preset is null)
        {
            return quota;
        }

        if (!LazyCatalog.Value.Quotas.TryGetValue(quota.Preset, out var fragment))
        {
            problems.Add((path + ".preset", Unknown("outing-quota", quota.Preset, LazyCatalog.Value.QuotaNames)));
            return null;
        }

        return !CheckRequired(fragment, quota.Preset, path, problems, field => field switch
        {
            "persons" => quota.Persons.HasValue,
            "interval" => quota.Interval.HasValue,
            "window" => quota.Window.HasValue,
            "maxAbsence" => quota.MaxAbsence.HasValue,
            _ => false,
        }, field => field switch
        {
            "interval" => quota.Interval,
            "maxAbsence" => quota.MaxAbsence,
            _ => null,
        }) ? null : quota.Overlay(fragment.OutingQuota!);
    }

    /// <summary>Resolves a night closure's <c>"preset"</c> and checks the fields the fragment requires; null (no closure, problems reported) when it cannot.</summary>
    internal static NightClosureDocument? Resolve(NightClosureDocument closure, string path, List<(string Path, string Message)> problems)
    {
        if (closure.Preset is null)
        {
            return closure;
        }

        if (!LazyCatalog.Value.Closures.TryGetValue(closure.Preset, out var fragment))
        {
            problems.Add((path + ".preset", Unknown("night-closure", closure.Preset, LazyCatalog.Value.ClosureNames)));
            return null;
        }

        return !CheckRequired(fragment, closure.Preset, path, problems, field => field switch
        {
            "start" => closure.Start.HasValue,
            "end" => closure.End.HasValue,
            _ => false,
        }, _ => null) ? null : closure.Overlay(fragment.NightClosure!);
    }

    // True when every required field is given (a given duration outside its range is reported, but the measure is kept).
    private static bool CheckRequired(
        MeasureFragmentDocument fragment,
        string name,
        string path,
        List<(string Path, string Message)> problems,
        Func<string, bool> given,
        Func<string, Duration?> duration)
    {
        var complete = true;
        foreach (var pair in fragment.Requires ?? new Dictionary<string, RequiredFieldDocument?>())
        {
            if (!given(pair.Key))
            {
                complete = false;
                problems.Add((path + ".preset", $"The preset '{name}' leaves '{pair.Key}' to the document (its source does not state it); give \"{pair.Key}\" beside \"preset\"."));
                continue;
            }

            if (duration(pair.Key) is { } value && pair.Value is { } range
                && ((range.Minimum is { } min && value < min) || (range.Maximum is { } max && value > max)))
            {
                problems.Add((path + "." + pair.Key, $"The preset '{name}' takes a '{pair.Key}' from {Iso(range.Minimum)} to {Iso(range.Maximum)}, as its source states; it was {Iso(value)}."));
            }
        }

        return complete;
    }

    private static string Iso(Duration? value)
        => value is { } v ? (v.BclCompatibleTicks % NodaConstants.TicksPerDay == 0 ? "P" + (long)v.TotalDays + "D" : "PT" + v.TotalHours + "H") : "any";

    private static string Unknown(string kind, string name, IReadOnlyList<string> known)
        => $"The name is not a known {kind} preset; known: {string.Join(", ", known)}.";

    private static MeasureFragmentDocument Find(Dictionary<string, MeasureFragmentDocument> fragments, string name, string kind)
        => fragments.TryGetValue(name, out var fragment)
            ? fragment
            : throw new KeyNotFoundException($"There is no {kind} fragment of that name; known: {string.Join(", ", fragments.Keys)}.");

    private static MeasureFragmentDocument RequireComplete(MeasureFragmentDocument fragment, string name)
        => fragment.Requires is { Count: > 0 } requires
            ? throw new ArgumentException($"The fragment '{name}' requires {string.Join(", ", requires.Keys)}, which its source does not state; include it from a document with those fields beside \"preset\".", nameof(name))
            : fragment;

    private static Catalog LoadCatalog()
    {
        var assembly = typeof(MeasureFragments).Assembly;
        Dictionary<string, MeasureFragmentDocument> Load(string file)
        {
            var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + file, StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            return JsonDocumentReader.Deserialize(JsonDocumentReader.ReadAll(stream, "measure fragments", Limits.Default), DocumentJsonContext.Default.DictionaryStringMeasureFragmentDocument, "measure fragments", Limits.Default);
        }

        return new Catalog(Load("gates.fragments.json"), Load("outing-quotas.fragments.json"), Load("night-closures.fragments.json"));
    }

    private sealed class Catalog
    {
        public Catalog(Dictionary<string, MeasureFragmentDocument> gates, Dictionary<string, MeasureFragmentDocument> quotas, Dictionary<string, MeasureFragmentDocument> closures)
        {
            (Gates, Quotas, Closures) = (Check(gates, f => f.Measures), Check(quotas, f => f.OutingQuota), Check(closures, f => f.NightClosure));
            GateNames = new ReadOnlyCollection<string>(gates.Keys.ToArray());
            QuotaNames = new ReadOnlyCollection<string>(quotas.Keys.ToArray());
            ClosureNames = new ReadOnlyCollection<string>(closures.Keys.ToArray());
        }

        public Dictionary<string, MeasureFragmentDocument> Gates { get; }

        public Dictionary<string, MeasureFragmentDocument> Quotas { get; }

        public Dictionary<string, MeasureFragmentDocument> Closures { get; }

        public IReadOnlyList<string> GateNames { get; }

        public IReadOnlyList<string> QuotaNames { get; }

        public IReadOnlyList<string> ClosureNames { get; }

        // The embedded fragments are the library's own data: one of the wrong kind, or one that nests a preset, is a bug.
        private static Dictionary<string, MeasureFragmentDocument> Check(Dictionary<string, MeasureFragmentDocument> fragments, Func<MeasureFragmentDocument, object?> value)
        {
            foreach (var pair in fragments)
            {
                var kinds = new object?[] { pair.Value.Measures, pair.Value.OutingQuota, pair.Value.NightClosure }.Count(v => v is not null);
                var nested = pair.Value.Measures is { } m && (m.Preset ?? m.OutingQuota?.Preset ?? m.NightClosure?.Preset) is not null;
                if (value(pair.Value) is null || kinds != 1 || nested)
                {
                    throw new InvalidOperationException($"The embedded fragment '{pair.Key}' is not of its file's kind, or nests a preset.");
                }
            }

            return new Dictionary<string, MeasureFragmentDocument>(fragments, StringComparer.Ordinal);
        }
    }
}
