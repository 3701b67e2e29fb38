using System;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Staffing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// Replaces the registration of each store interface (the last one, which is the one resolved) with a factory that
/// builds the registered store and wraps it in its measuring decorator, keeping the lifetime. A registration already
/// decorated is left alone, so decorating twice is harmless; keyed registrations are not touched.
/// </summary>
internal static class StoreInstrumentation
{
    public static void Decorate(IServiceCollection services)
    {
        Decorate<IOutingLedger>(services, static (inner, logger, owns) => new InstrumentedOutingLedger(inner, logger, owns));
        Decorate<IOutingLedgerAsync>(services, static (inner, logger, owns) => new InstrumentedOutingLedgerAsync(inner, logger, owns));
        Decorate<IPassageStore>(services, static (inner, logger, owns) => new InstrumentedPassageStore(inner, logger, owns));
        Decorate<IHealthReportStore>(services, static (inner, logger, owns) => new InstrumentedHealthReportStore(inner, logger, owns));
        Decorate<IFollowUpStore>(services, static (inner, logger, owns) => new InstrumentedFollowUpStore(inner, logger, owns));
        Decorate<IArrivalStore>(services, static (inner, logger, owns) => new InstrumentedArrivalStore(inner, logger, owns));
        Decorate<IAuditTrail>(services, static (inner, logger, owns) => new InstrumentedAuditTrail(inner, logger, owns));
        Decorate<IAttendanceStore>(services, static (inner, logger, owns) => new InstrumentedAttendanceStore(inner, logger, owns));
    }

    private static void Decorate<TStore>(IServiceCollection services, Func<TStore, ILogger?, bool, TStore> wrap)
        where TStore : class
    {
        for (var i = services.Count - 1; i >= 0; i--)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(TStore) || descriptor.IsKeyedService)
            {
                continue;
            }

            if (descriptor.ImplementationFactory?.Target is Decoration<TStore>)
            {
                return;
            }

            services[i] = ServiceDescriptor.Describe(typeof(TStore), new Decoration<TStore>(descriptor, wrap).Create, descriptor.Lifetime);
            return;
        }
    }

    private sealed class Decoration<TStore>
        where TStore : class
    {
        private readonly ServiceDescriptor _inner;
        private readonly Func<TStore, ILogger?, bool, TStore> _wrap;

        public Decoration(ServiceDescriptor inner, Func<TStore, ILogger?, bool, TStore> wrap)
        {
            _inner = inner;
            _wrap = wrap;
        }

        public object Create(IServiceProvider provider)
        {
            var owns = _inner.ImplementationInstance is null;     // the container disposes what it creates, never an instance it was given
            var store = (TStore)(_inner.ImplementationInstance
                ?? _inner.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, _inner.ImplementationType!));
            var logger = provider.GetService<ILoggerFactory>()?.CreateLogger(CommunityControlLog.Category);
            return _wrap(store, logger, owns);
        }
    }
}
