using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// Validates <see cref="CommunityControlOptions"/> (every failure at once) and builds the catalog they describe. A
/// configuration that would start and then fail every request (no edition in force today, an unknown pinned edition,
/// no jurisdiction, an edition without a part the host requires, editions that cannot form one catalog) is a failure
/// here, at start-up.
/// </summary>
internal sealed class CommunityControlOptionsValidator : IValidateOptions<CommunityControlOptions>, IPostConfigureOptions<CommunityControlOptions>
{
    private readonly IClock _clock;
    private readonly ILogger? _logger;

    public CommunityControlOptionsValidator(IClock clock, ILoggerFactory? loggerFactory = null)
    {
        _clock = clock;
        _logger = loggerFactory?.CreateLogger(CommunityControlLog.Category);
    }

    /// <summary>Reads <see cref="CommunityControlOptions.EditionFiles"/> into the editions, once the options are configured.</summary>
    public void PostConfigure(string? name, CommunityControlOptions options)
    {
        if (options.EditionFiles is null)
        {
            return;
        }

        for (var i = 0; i < options.EditionFiles.Count; i++)
        {
            var path = options.EditionFiles[i];
            if (string.IsNullOrWhiteSpace(path))
            {
                continue;
            }

            try
            {
                using var stream = File.OpenRead(path);
                var edition = PolicyEditionJson.Read(stream);
                options.Editions.Add(edition);
                if (_logger is not null)
                {
                    CommunityControlLog.EditionFileRead(_logger, edition.Id, i);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or DocumentFormatException or ArgumentException or NotSupportedException)
            {
                options.BindingFailures.Add($"EditionFiles[{i}] '{path}': {e.Message}");
            }
        }
    }

    public ValidateOptionsResult Validate(string? name, CommunityControlOptions options)
    {
        var failures = new List<string>(options.BindingFailures);
        var catalog = TryBuildCatalog(options, failures);
        if (catalog is not null)
        {
            CheckSelection(options, catalog, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Builds the catalog of valid options; throws <see cref="OptionsValidationException"/> otherwise.</summary>
    public static EditionCatalog BuildCatalog(CommunityControlOptions options)
    {
        var failures = new List<string>();
        return TryBuildCatalog(options, failures) is { } catalog && failures.Count == 0
            ? catalog
            : throw new OptionsValidationException(Options.DefaultName, typeof(CommunityControlOptions), failures);
    }

    private static EditionCatalog? TryBuildCatalog(CommunityControlOptions options, List<string> failures)
    {
        if (options.TimeZone is null)
        {
            failures.Add("TimeZone is required, e.g. Asia/Shanghai.");
        }

        var own = (options.Editions ?? new List<PolicyEdition>()).ToList();
        for (var i = 0; i < own.Count; i++)
        {
            if (own[i] is null)
            {
                failures.Add($"Editions[{i}] is null.");
            }
        }

        var ownIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var edition in own.Where(e => e is not null))
        {
            if (!ownIds.Add(edition.Id))
            {
                failures.Add($"Editions holds '{edition.Id}' twice.");
            }
        }

        var all = (options.IncludeBuiltInEditions ? PolicyEditions.All.Where(e => !ownIds.Contains(e.Id)) : Enumerable.Empty<PolicyEdition>())
            .Concat(own.Where(e => e is not null))
            .GroupBy(e => e.Id, StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();
        if (all.Count == 0)
        {
            failures.Add("The catalog is empty: keep IncludeBuiltInEditions or add Editions or EditionFiles.");
            return null;
        }

        try
        {
            return EditionCatalog.Create(all);
        }
        catch (ModelValidationException e)
        {
            failures.AddRange(e.Failures.Select(f => "Editions: " + f));
            return null;
        }
    }

    // Everything the registrations do per request, checked once: the selector's arguments, the edition it returns
    // (pinned, or in force today) and, for the parts the host requires, that edition and every later one of its
    // jurisdiction, which the selector will return from their first day.
    private void CheckSelection(CommunityControlOptions options, EditionCatalog catalog, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.Jurisdiction))
        {
            failures.Add("Jurisdiction is required (the edition selector is built with it even when an EditionId is pinned), e.g. CN.");
        }

        var pinned = Pinned(options);
        if (pinned is not null)
        {
            if (!catalog.TryGet(pinned, out var edition))
            {
                failures.Add($"EditionId '{pinned}' is not in the catalog; it has {string.Join(", ", catalog.Editions.Select(e => e.Id))}.");
                return;
            }

            CheckParts(options, edition, from: null, failures);
            return;
        }

        if (string.IsNullOrWhiteSpace(options.Jurisdiction) || options.TimeZone is null)
        {
            return;                                 // reported already; choosing by date needs both
        }

        var today = _clock.GetCurrentInstant().InZone(options.TimeZone).Date;
        if (!catalog.TryGetInForce(today, options.Jurisdiction, out var current))
        {
            var candidates = catalog.Editions.Where(e => e.Jurisdiction == options.Jurisdiction).Select(e => e.Id).ToList();
            failures.Add(candidates.Count == 0
                ? $"No edition in the catalog is for jurisdiction '{options.Jurisdiction}'."
                : $"No edition for jurisdiction '{options.Jurisdiction}' is certainly in force today ({today:uuuu'-'MM'-'dd}), so every request would fail: pin one with EditionId ({string.Join(", ", candidates)}) or add a current edition.");
            return;
        }

        CheckParts(options, current, from: null, failures);
        foreach (var later in catalog.Editions
            .Where(e => e.Jurisdiction == current.Jurisdiction && !ReferenceEquals(e, current) && e.EffectiveFrom is { IsExact: true } f && f.EarliestDay > today)
            .OrderBy(e => e.EffectiveFrom!.Value.EarliestDay))
        {
            CheckParts(options, later, later.EffectiveFrom!.Value.EarliestDay, failures);
        }
    }

    private static void CheckParts(CommunityControlOptions options, PolicyEdition edition, LocalDate? from, List<string> failures)
    {
        var when = from is { } day ? $"from {day:uuuu'-'MM'-'dd} every" : "every";
        if (options.RequireAccess && edition.Access is null)
        {
            failures.Add($"Edition '{edition.Id}' has no access policy (no measures or access part), so {when} gate request would fail: attach one (WithAccess, or a measures or access section), or set RequireAccess to false if the host has no gates.");
        }

        if (options.RequireStaffing && edition.Staffing is null)
        {
            failures.Add($"Edition '{edition.Id}' has no staffing policy, so {when} staffing request would fail: attach one (WithStaffing, or a staffing section), or set RequireStaffing to false.");
        }
    }

    /// <summary>The pinned edition id: null when unset, empty or white space (configuration's "not set").</summary>
    public static string? Pinned(CommunityControlOptions options)
        => string.IsNullOrWhiteSpace(options.EditionId) ? null : options.EditionId!.Trim();
}
