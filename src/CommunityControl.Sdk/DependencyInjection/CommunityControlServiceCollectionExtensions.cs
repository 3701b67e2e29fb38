using System;
using CommunityControl.Access;
using CommunityControl.DependencyInjection;
using CommunityControl.Editions;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers CommunityControl's options, editions and policies in an <see cref="IServiceCollection"/>.</summary>
/// <remarks>In the <c>Microsoft.Extensions.DependencyInjection</c> namespace, as the Microsoft.Extensions packages and
/// Polly put theirs, so a host finds these methods without an extra <c>using</c>.</remarks>
public static class CommunityControlServiceCollectionExtensions
{
    /// <summary>
    /// Registers <c>IOptions&lt;CommunityControlOptions&gt;</c> (validated when the host starts), the edition catalogue, the
    /// edition in force (by date from the injected <see cref="IClock"/>, or pinned), its policies, an in-memory
    /// <see cref="IOutingLedger"/> and a clock.
    /// </summary>
    /// <remarks>
    /// <para>Registered: <see cref="EditionCatalog"/> and <see cref="EditionSelector"/> (singletons built from the options);
    /// <see cref="PolicyEdition"/>, <see cref="RiskPolicy"/>, <see cref="AccessPolicy"/> and <see cref="StaffingPolicy"/> as
    /// transients resolved from the edition in force at resolution time (an edition without an access or staffing part
    /// resolves to an <see cref="InvalidOperationException"/> that says so); <see cref="IOutingLedger"/> as a singleton
    /// <see cref="InMemoryOutingLedger"/> and <see cref="IClock"/> as <see cref="SystemClock.Instance"/>, both only if the
    /// host registered none (<c>TryAdd</c>), so a host replaces them with its own store and clock. The ledgers (this one, or
    /// the host's registered before) are then wrapped by <see cref="AddCommunityControlStoreInstrumentation"/>, so the
    /// resolved <see cref="IOutingLedger"/> is a measuring decorator around the registered one.</para>
    /// <para>Options follow the options pattern: each call adds its <paramref name="configure"/> (they run in order, so for
    /// a property set twice the last call wins), and <c>services.Configure&lt;CommunityControlOptions&gt;</c> works too.
    /// Nothing is validated or read inside this call: the options are validated by <c>ValidateOnStart</c> when a generic
    /// host starts, or when first resolved otherwise, and every problem is in one <see cref="OptionsValidationException"/>
    /// (<see cref="OptionsValidationException.Failures"/>). A configuration that would start and then fail every request is
    /// a failure: an unknown <see cref="CommunityControlOptions.EditionId"/>; no edition of the jurisdiction certainly
    /// in force today when none is pinned; an empty jurisdiction (the selector needs one even when an edition is pinned);
    /// host editions that cannot form one catalog; and an edition without a part the host requires
    /// (<see cref="CommunityControlOptions.RequireAccess"/>, <see cref="CommunityControlOptions.RequireStaffing"/>): the
    /// pinned edition, or the edition in force today and every later edition of its jurisdiction.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options; null keeps the defaults (built-in editions, CN, chosen by date).</param>
    /// <returns>The same <paramref name="services"/>, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCommunityControl(this IServiceCollection services, Action<CommunityControlOptions>? configure = null)
    {
        Guard.NotNull(services);
        var options = services.AddOptions<CommunityControlOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CommunityControlOptions>, CommunityControlOptionsValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<CommunityControlOptions>, CommunityControlOptionsValidator>());
        services.TryAddSingleton<IClock>(SystemClock.Instance);
        services.TryAddSingleton<IOutingLedger, InMemoryOutingLedger>();
        services.TryAddSingleton(provider => CommunityControlOptionsValidator.BuildCatalog(OptionsOf(provider)));
        services.TryAddSingleton(CreateSelector);
        services.TryAddTransient(provider => provider.GetRequiredService<EditionSelector>().Current);
        services.TryAddTransient(provider => provider.GetRequiredService<PolicyEdition>().Risk);
        services.TryAddTransient(provider =>
        {
            var edition = provider.GetRequiredService<PolicyEdition>();
            return edition.Access ?? throw new InvalidOperationException($"Edition '{edition.Id}' has no access policy; attach one with WithAccess or an access section.");
        });
        services.TryAddTransient(provider =>
        {
            var edition = provider.GetRequiredService<PolicyEdition>();
            return edition.Staffing ?? throw new InvalidOperationException($"Edition '{edition.Id}' has no staffing policy; attach one with WithStaffing or a staffing section (the built-in editions carry none).");
        });
        return services.AddCommunityControlStoreInstrumentation();
    }

    /// <summary>
    /// Measures every call of the stores registered so far: wraps the registration of each store interface
    /// (<see cref="IOutingLedger"/>, <see cref="IOutingLedgerAsync"/>, <see cref="CommunityControl.Records.IPassageStore"/>,
    /// <see cref="CommunityControl.Records.IHealthReportStore"/>, <see cref="CommunityControl.Records.IFollowUpStore"/>,
    /// <see cref="CommunityControl.Records.IArrivalStore"/>, <see cref="CommunityControl.Staffing.IAttendanceStore"/> and
    /// <see cref="CommunityControl.Records.IAuditTrail"/>) in a decorator that records the
    /// <c>communitycontrol.store.operation.duration</c> histogram, starts a <c>communitycontrol.store.{store}.{operation}</c>
    /// activity, and logs a failed call (event 10, <c>StoreCallFailed</c>, with the exception's type only).
    /// </summary>
    /// <remarks>
    /// <para><see cref="AddCommunityControl(IServiceCollection, Action{CommunityControlOptions}?)"/>,
    /// <c>AddCommunityControlRecords</c> and <c>AddCommunityControlPostgreSql</c> call this themselves, so their stores,
    /// and a host's own store registered before them, are measured. Call it once more after registering or replacing a
    /// store later. Only the last registration of each interface (the one resolved) is wrapped; its lifetime is kept; one
    /// already wrapped is left alone, so calling this again is harmless; keyed registrations are not touched. The
    /// resolved service is then the decorator, not the registered type; the decorator disposes the store when the
    /// container created it.</para>
    /// <para>Measurements name the store and operation and, for a failure, the exception's type: never an argument, so
    /// no person, household or case id. With no listener attached, a call costs two timestamps and allocates nothing
    /// more than the store does.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <returns>The same <paramref name="services"/>, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is null.</exception>
    public static IServiceCollection AddCommunityControlStoreInstrumentation(this IServiceCollection services)
    {
        Guard.NotNull(services);
        StoreInstrumentation.Decorate(services);
        return services;
    }

    /// <summary>
    /// Registers CommunityControl as <see cref="AddCommunityControl(IServiceCollection, Action{CommunityControlOptions}?)"/>
    /// does, with the options bound from <paramref name="configuration"/> (e.g. <c>builder.Configuration.GetSection("CommunityControl")</c>).
    /// </summary>
    /// <remarks>
    /// <para>Keys: <c>Jurisdiction</c>, <c>EditionId</c> (an edition by id), <c>TimeZone</c> (a tzdb id such as
    /// <c>Asia/Shanghai</c>), <c>IncludeBuiltInEditions</c> (<c>true</c>/<c>false</c>) and <c>EditionFiles</c> (an array
    /// of paths to edition documents: editions by file). An empty value means "not set" and keeps the default. An unknown
    /// key, a bad value, a file that cannot be read or a document with problems is a validation failure that names the
    /// key or the file: reported with every other problem in one <see cref="OptionsValidationException"/> at start-up.
    /// The configuration is read once, when the options are first used; later changes to it are not followed.</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The configuration section that holds the settings.</param>
    /// <returns>The same <paramref name="services"/>, so that additional calls can be chained.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configuration"/> is null.</exception>
    public static IServiceCollection AddCommunityControl(this IServiceCollection services, IConfiguration configuration)
    {
        Guard.NotNull(services);
        Guard.NotNull(configuration);
        services.AddCommunityControl();
        services.AddSingleton<IConfigureOptions<CommunityControlOptions>>(new CommunityControlConfiguration(configuration));
        return services;
    }

    // The selector, built once; its choice is logged (an edition id, never personal data) when the host has logging.
    private static EditionSelector CreateSelector(IServiceProvider provider)
    {
        var value = OptionsOf(provider);
        var selector = new EditionSelector(
            provider.GetRequiredService<EditionCatalog>(),
            provider.GetRequiredService<IClock>(),
            value.TimeZone,
            value.Jurisdiction,
            CommunityControlOptionsValidator.Pinned(value));
        var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(CommunityControlLog.Category);
        if (logger is not null && logger.IsEnabled(LogLevel.Information))
        {
            if (selector.Pinned is { } pinned)
            {
                CommunityControlLog.EditionPinned(logger, pinned.Id, selector.Catalog.Editions.Count);
            }
            else
            {
                CommunityControlLog.EditionByDate(logger, selector.Jurisdiction, selector.TimeZone.Id, selector.Current.Id, selector.Catalog.Editions.Count);
            }
        }

        return selector;
    }

    private static CommunityControlOptions OptionsOf(IServiceProvider provider)
        => provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;
}
