using System;
using System.Collections.Generic;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Staffing;
using CommunityControl.Testing.Conformance;

namespace CommunityControl.Testing;

/// <summary>
/// The contracts of the library's store interfaces as checks a vendor runs against its own store, in any test
/// framework: the same checks the library runs against its in-memory and PostgreSQL stores. Each check creates an empty
/// store with the factory, so a factory that returns a store over a fresh database (or clears one) is all a vendor writes.
/// </summary>
/// <example>
/// With xunit, one test case per check:
/// <code>
/// public static TheoryData&lt;string&gt; Checks => new(StoreConformance.ForPassageStore(() => null!).Select(c => c.Name));
///
/// [Theory, MemberData(nameof(Checks))]
/// public Task PassageStore_KeepsTheContract(string check)
///     => StoreConformance.ForPassageStore(() => new MyPassageStore(NewDatabase())).Single(c => c.Name == check).RunAsync();
/// </code>
/// </example>
/// <remarks>
/// The checks cover: one record per idempotency key (the first wins) under eight threads retrying every key; every field
/// read back as written; the interval's edges (start inside, end outside) and the order by instant, ties in the order
/// recorded; queries equal to a brute-force scan of a random register; purge by age; the documented exceptions for bad
/// arguments and a cancelled token; for arrivals and attendance, an invalid record refused as it is built (an
/// <see cref="ArgumentException"/> naming the member, never the value) and nothing stored. The ledger's checks: the quota window's edges, idempotent retries, an open quota
/// freed by a return, sixteen concurrent gates granting exactly the quota.
/// </remarks>
/// <threadsafety static="true" instance="true">Stateless; the checks may run in parallel when the factory's stores are independent.</threadsafety>
public static class StoreConformance
{
    /// <summary>Returns the checks of <see cref="IPassageStore"/>.</summary>
    /// <param name="createStore">Creates an empty store; called once by each check when it runs.</param>
    /// <param name="options">The checks' sizes; null for the defaults.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below its minimum.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForPassageStore(Func<IPassageStore> createStore, StoreConformanceOptions? options = null)
        => PassageStoreChecks.All(NotNull(createStore, nameof(createStore)), (options ?? new StoreConformanceOptions()).Checked());

    /// <summary>Returns the checks of <see cref="IHealthReportStore"/>.</summary>
    /// <param name="createStore">Creates an empty store; called once by each check when it runs.</param>
    /// <param name="options">The checks' sizes; null for the defaults.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below its minimum.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForHealthReportStore(Func<IHealthReportStore> createStore, StoreConformanceOptions? options = null)
        => HealthReportStoreChecks.All(NotNull(createStore, nameof(createStore)), (options ?? new StoreConformanceOptions()).Checked());

    /// <summary>Returns the checks of <see cref="IFollowUpStore"/>.</summary>
    /// <param name="createStore">Creates an empty store; called once by each check when it runs.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForFollowUpStore(Func<IFollowUpStore> createStore)
        => FollowUpStoreChecks.All(NotNull(createStore, nameof(createStore)));

    /// <summary>Returns the checks of <see cref="IAuditTrail"/>.</summary>
    /// <param name="createTrail">Creates an empty trail; called once by each check when it runs.</param>
    /// <param name="options">The checks' sizes; null for the defaults.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createTrail"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below its minimum.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForAuditTrail(Func<IAuditTrail> createTrail, StoreConformanceOptions? options = null)
        => AuditTrailChecks.All(NotNull(createTrail, nameof(createTrail)), (options ?? new StoreConformanceOptions()).Checked());

    /// <summary>Returns the checks of <see cref="IArrivalStore"/>: those of the other record stores, the itinerary read back
    /// stop by stop (an unknown level stays unknown), and an invalid arrival refused as it is built.</summary>
    /// <param name="createStore">Creates an empty store; called once by each check when it runs.</param>
    /// <param name="options">The checks' sizes; null for the defaults.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below its minimum.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForArrivalStore(Func<IArrivalStore> createStore, StoreConformanceOptions? options = null)
        => ArrivalStoreChecks.All(NotNull(createStore, nameof(createStore)), (options ?? new StoreConformanceOptions()).Checked());

    /// <summary>Returns the checks of <see cref="IAttendanceStore"/> (workers' clock-ins and clock-outs).</summary>
    /// <param name="createStore">Creates an empty store; called once by each check when it runs.</param>
    /// <param name="options">The checks' sizes; null for the defaults.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createStore"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is below its minimum.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForAttendanceStore(Func<IAttendanceStore> createStore, StoreConformanceOptions? options = null)
        => AttendanceStoreChecks.All(NotNull(createStore, nameof(createStore)), (options ?? new StoreConformanceOptions()).Checked());

    /// <summary>Returns the checks of <see cref="IOutingLedgerAsync"/>.</summary>
    /// <param name="createLedger">Creates an empty ledger; called once by each check when it runs.</param>
    /// <returns>The checks, in a fixed order, with unique names.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="createLedger"/> is null.</exception>
    public static IReadOnlyList<StoreConformanceCheck> ForOutingLedger(Func<IOutingLedgerAsync> createLedger)
        => OutingLedgerChecks.All(NotNull(createLedger, nameof(createLedger)));

    private static T NotNull<T>(T value, string name)
        where T : class
        => value ?? throw new ArgumentNullException(name);
}
