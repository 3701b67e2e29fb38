using System;
using System.Collections.Generic;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Editions;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>Registers CommunityControl's editions and policies in an <see cref="IServiceCollection"/>.</summary>
public static class CommunityControlServiceCollectionExtensions
{
    /// <summary>
    /// Registers the edition catalogue, the edition in force (by date from the injected <see cref="IClock"/>, or pinned),
    /// its policies, an in-memory <see cref="IOutingLedger"/> and a clock.
    /// </summary>
    /// <remarks>
    /// <para>Registered: <see cref="EditionCatalog"/> and <see cref="EditionSelector"/> (singletons, replaced by a second
    /// call: last call wins); <see cref="PolicyEdition"/>, <see cref="RiskPolicy"/>, <see cref="AccessPolicy"/> and
    /// <see cref="StaffingPolicy"/> as transients resolved from the edition in force at resolution time (an edition
    /// without an access or staffing part resolves to an <see cref="InvalidOperationException"/> that says so);
    /// <see cref="IOutingLedger"/> as a singleton <see cref="InMemoryOutingLedger"/> and <see cref="IClock"/> as
    /// <see cref="SystemClock.Instance"/>, both only if the host registered none (<c>TryAdd</c>), so a host replaces
    /// them with its own store and clock by registering them first.</para>
    /// <para>The options are validated now: bad configuration throws here, at start-up, with every problem listed.
    /// Calling this twice is safe.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults (built-in editions, CN, chosen by date).</param>
    /// <returns>The same <paramref name="services"/>, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    /// <exception cref="ModelValidationException">The options are invalid; <see cref="ModelValidationException.Failures"/> lists every problem.</exception>
    public static IServiceCollection AddCommunityControl(this IServiceCollection services, Action<CommunityControlOptions>? configure = null)
    {
        Guard.NotNull(services);
        var options = new CommunityControlOptions();
        configure?.Invoke(options);
        var catalog = BuildCatalog(options);
        var (timeZone, jurisdiction, editionId) = (options.TimeZone, options.Jurisdiction, options.EditionId);

        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IOutingLedger, InMemoryOutingLedger>();
        services.Replace(ServiceDescriptor.Singleton(catalog));
        services.Replace(ServiceDescriptor.Singleton(provider => new EditionSelector(
            provider.GetRequiredService<EditionCatalog>(), provider.GetRequiredService<IClock>(), timeZone, jurisdiction, editionId)));
        services.Replace(ServiceDescriptor.Transient(provider => provider.GetRequiredService<EditionSelector>().Current));
        services.Replace(ServiceDescriptor.Transient(provider => provider.GetRequiredService<PolicyEdition>().Risk));
        services.Replace(ServiceDescriptor.Transient(provider =>
        {
            var edition = provider.GetRequiredService<PolicyEdition>();
            return edition.Access ?? throw new InvalidOperationException($"Edition '{edition.Id}' has no access policy; attach one with WithAccess or an access section.");
        }));
        services.Replace(ServiceDescriptor.Transient(provider =>
        {
            var edition = provider.GetRequiredService<PolicyEdition>();
            return edition.Staffing ?? throw new InvalidOperationException($"Edition '{edition.Id}' has no staffing policy; attach one with WithStaffing or a staffing section (the built-in editions carry none).");
        }));
        return services;
    }

    private static EditionCatalog BuildCatalog(CommunityControlOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Jurisdiction))
        {
            failures.Add("Jurisdiction is required, e.g. CN.");
        }

        if (options.TimeZone is null)
        {
            failures.Add("TimeZone is required, e.g. DateTimeZoneProviders.Tzdb[\"Asia/Shanghai\"].");
        }

        if (options.Editions is null)
        {
            failures.Add("Editions must not be null.");
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
            failures.Add("The catalog is empty: keep IncludeBuiltInEditions or add Editions.");
        }

        if (options.EditionId is not null && all.All(e => e.Id != options.EditionId))
        {
            failures.Add($"EditionId '{options.EditionId}' is not in the catalog.");
        }
        else if (options.EditionId is null && !string.IsNullOrWhiteSpace(options.Jurisdiction) && all.Count > 0 && all.All(e => e.Jurisdiction != options.Jurisdiction))
        {
            failures.Add($"No edition in the catalog is for jurisdiction '{options.Jurisdiction}'.");
        }

        if (failures.Count > 0)
        {
            throw new ModelValidationException(typeof(CommunityControlOptions), failures);
        }

        return EditionCatalog.Create(all);
    }
}
