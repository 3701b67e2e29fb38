using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.Records;
using CommunityControl.Testing;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The store contracts of the Testing package (<see cref="StoreConformance"/>) on the in-memory stores, one test case
/// per check; <c>PostgreSqlStoreConformanceTests</c> runs the same checks on PostgreSQL.
/// </summary>
public class StoreConformanceTests
{
    // The in-memory stores take the sizes the library's own tests always used for them.
    private static readonly StoreConformanceOptions Options = new() { ConcurrentKeys = 400_000, RandomRegisterSize = 3_000 };

    public static TheoryData<string> PassageChecks => Names(StoreConformance.ForPassageStore(() => null!));

    public static TheoryData<string> HealthReportChecks => Names(StoreConformance.ForHealthReportStore(() => null!));

    public static TheoryData<string> FollowUpChecks => Names(StoreConformance.ForFollowUpStore(() => null!));

    public static TheoryData<string> AuditChecks => Names(StoreConformance.ForAuditTrail(() => null!));

    public static TheoryData<string> LedgerChecks => Names(StoreConformance.ForOutingLedger(() => null!));

    public static TheoryData<string> ArrivalChecks => Names(StoreConformance.ForArrivalStore(() => null!));

    public static TheoryData<string> AttendanceChecks => Names(StoreConformance.ForAttendanceStore(() => null!));

    [Theory]
    [MemberData(nameof(PassageChecks))]
    public Task InMemoryPassageStore(string check) => Run(StoreConformance.ForPassageStore(() => new InMemoryPassageStore(), Options), check);

    [Theory]
    [MemberData(nameof(HealthReportChecks))]
    public Task InMemoryHealthReportStore(string check) => Run(StoreConformance.ForHealthReportStore(() => new InMemoryHealthReportStore(), Options), check);

    [Theory]
    [MemberData(nameof(FollowUpChecks))]
    public Task InMemoryFollowUpStore(string check) => Run(StoreConformance.ForFollowUpStore(() => new InMemoryFollowUpStore()), check);

    [Theory]
    [MemberData(nameof(AuditChecks))]
    public Task InMemoryAuditTrail(string check) => Run(StoreConformance.ForAuditTrail(() => new InMemoryAuditTrail(), Options), check);

    [Theory]
    [MemberData(nameof(LedgerChecks))]
    public Task InMemoryOutingLedger(string check) => Run(StoreConformance.ForOutingLedger(() => new InMemoryOutingLedger()), check);

    [Theory]
    [MemberData(nameof(ArrivalChecks))]
    public Task InMemoryArrivalStore(string check) => Run(StoreConformance.ForArrivalStore(() => new InMemoryArrivalStore(), Options), check);

    [Theory]
    [MemberData(nameof(AttendanceChecks))]
    public Task InMemoryAttendanceStore(string check) => Run(StoreConformance.ForAttendanceStore(() => new CommunityControl.Staffing.InMemoryAttendanceStore(), Options), check);

    [Fact]
    public void Checks_HaveUniqueNames_AndBadArgumentsAreRejected()
    {
        foreach (var checks in new[] { StoreConformance.ForPassageStore(() => null!), StoreConformance.ForHealthReportStore(() => null!), StoreConformance.ForFollowUpStore(() => null!), StoreConformance.ForAuditTrail(() => null!), StoreConformance.ForOutingLedger(() => null!), StoreConformance.ForArrivalStore(() => null!), StoreConformance.ForAttendanceStore(() => null!) })
        {
            checks.Select(c => c.Name).Should().OnlyHaveUniqueItems().And.HaveCountGreaterThan(4);
            checks.Select(c => c.ToString()).Should().Equal(checks.Select(c => c.Name));
        }

        FluentActions.Invoking(() => StoreConformance.ForPassageStore(null!)).Should().Throw<System.ArgumentNullException>().WithParameterName("createStore");
        FluentActions.Invoking(() => StoreConformance.ForArrivalStore(null!)).Should().Throw<System.ArgumentNullException>().WithParameterName("createStore");
        FluentActions.Invoking(() => StoreConformance.ForAttendanceStore(null!)).Should().Throw<System.ArgumentNullException>().WithParameterName("createStore");
        FluentActions.Invoking(() => StoreConformance.ForAttendanceStore(() => null!, new StoreConformanceOptions { RandomRegisterSize = 9 })).Should().Throw<System.ArgumentOutOfRangeException>().WithParameterName("RandomRegisterSize");
        FluentActions.Invoking(() => StoreConformance.ForAuditTrail(() => null!, new StoreConformanceOptions { ConcurrentKeys = 7 })).Should().Throw<System.ArgumentOutOfRangeException>().WithParameterName("ConcurrentKeys");
    }

    [Fact]
    public async Task AStoreThatRecordsTwice_FailsTheCheck()
    {
        // A store that ignores idempotency keys: the check must catch it, or it checks nothing.
        var check = StoreConformance.ForHealthReportStore(() => new KeyIgnoringStore()).Single(c => c.Name == "AppendAsync_SameKeyTwice_RecordsOnce_AndReturnsTheFirstReport");

        await FluentActions.Awaiting(check.RunAsync).Should().ThrowAsync<System.Exception>();
    }

    internal static TheoryData<string> Names(IReadOnlyList<StoreConformanceCheck> checks)
    {
        var names = new TheoryData<string>();
        foreach (var check in checks)
        {
            names.Add(check.Name);
        }

        return names;
    }

    internal static Task Run(IReadOnlyList<StoreConformanceCheck> checks, string name) => checks.Single(c => c.Name == name).RunAsync();

    private sealed class KeyIgnoringStore : IHealthReportStore
    {
        private readonly List<HealthReport> _reports = new();

        public ValueTask<AppendResult<HealthReport>> AppendAsync(HealthReport report, System.Threading.CancellationToken cancellationToken = default)
        {
            _reports.Add(report);
            return new ValueTask<AppendResult<HealthReport>>(new AppendResult<HealthReport>(report, true));
        }

        public IAsyncEnumerable<HealthReport> ReportsOfPersonAsync(PersonId person, NodaTime.Interval interval, System.Threading.CancellationToken cancellationToken = default)
            => _reports.Where(r => r.Person == person && interval.Contains(r.At)).ToAsyncEnumerable();

        public ValueTask<long> PurgeAsync(NodaTime.Instant before, System.Threading.CancellationToken cancellationToken = default) => new(0L);
    }
}
