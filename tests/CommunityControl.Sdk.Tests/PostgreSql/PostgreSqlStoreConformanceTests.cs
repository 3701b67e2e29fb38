using System.Threading.Tasks;
using CommunityControl.PostgreSql;
using CommunityControl.Testing;
using CommunityControl.Tests.Records;
using Xunit;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// The store contracts of the Testing package (<see cref="StoreConformance"/>) on the PostgreSQL stores, one test case
/// per check, each on a fresh database (xunit makes an instance per case).
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlStoreConformanceTests : IAsyncLifetime
{
    // Every call is a round trip: fewer keys than in memory, still two threads racing on every key.
    private static readonly StoreConformanceOptions Options = new() { ConcurrentKeys = 2_000, RandomRegisterSize = 1_500 };

    private readonly PostgreSqlServer _server;
    private FreshDatabase _database = null!;

    public PostgreSqlStoreConformanceTests(PostgreSqlServer server) => _server = server;

    public static TheoryData<string> PassageChecks => StoreConformanceTests.PassageChecks;

    public static TheoryData<string> HealthReportChecks => StoreConformanceTests.HealthReportChecks;

    public static TheoryData<string> FollowUpChecks => StoreConformanceTests.FollowUpChecks;

    public static TheoryData<string> AuditChecks => StoreConformanceTests.AuditChecks;

    public static TheoryData<string> LedgerChecks => StoreConformanceTests.LedgerChecks;

    public static TheoryData<string> ArrivalChecks => StoreConformanceTests.ArrivalChecks;

    public static TheoryData<string> AttendanceChecks => StoreConformanceTests.AttendanceChecks;

    public async Task InitializeAsync() => _database = await FreshDatabase.CreateAsync(_server);

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Theory]
    [MemberData(nameof(PassageChecks))]
    public Task PassageStore(string check) => StoreConformanceTests.Run(StoreConformance.ForPassageStore(() => new PostgreSqlPassageStore(_database.DataSource), Options), check);

    [Theory]
    [MemberData(nameof(HealthReportChecks))]
    public Task HealthReportStore(string check) => StoreConformanceTests.Run(StoreConformance.ForHealthReportStore(() => new PostgreSqlHealthReportStore(_database.DataSource), Options), check);

    [Theory]
    [MemberData(nameof(FollowUpChecks))]
    public Task FollowUpStore(string check) => StoreConformanceTests.Run(StoreConformance.ForFollowUpStore(() => new PostgreSqlFollowUpStore(_database.DataSource)), check);

    [Theory]
    [MemberData(nameof(AuditChecks))]
    public Task AuditTrail(string check) => StoreConformanceTests.Run(StoreConformance.ForAuditTrail(() => new PostgreSqlAuditTrail(_database.DataSource), Options), check);

    [Theory]
    [MemberData(nameof(LedgerChecks))]
    public Task OutingLedger(string check) => StoreConformanceTests.Run(StoreConformance.ForOutingLedger(() => new PostgreSqlOutingLedger(_database.DataSource)), check);

    [Theory]
    [MemberData(nameof(ArrivalChecks))]
    public Task ArrivalStore(string check) => StoreConformanceTests.Run(StoreConformance.ForArrivalStore(() => new PostgreSqlArrivalStore(_database.DataSource), Options), check);

    [Theory]
    [MemberData(nameof(AttendanceChecks))]
    public Task AttendanceStore(string check) => StoreConformanceTests.Run(StoreConformance.ForAttendanceStore(() => new PostgreSqlAttendanceStore(_database.DataSource), Options), check);
}
