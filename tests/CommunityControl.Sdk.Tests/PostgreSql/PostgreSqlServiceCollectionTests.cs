using CommunityControl.DependencyInjection;
using System;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.PostgreSql;
using CommunityControl.Tests.Access;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>The container hands out the PostgreSQL ledger, on the connection string or the caller's data source.</summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlServiceCollectionTests
{
    private readonly PostgreSqlServer _server;

    public PostgreSqlServiceCollectionTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task AddCommunityControlPostgreSql_ConnectionString_LedgerRecordsInTheDatabase()
    {
        await using var provider = new ServiceCollection()
            .AddSingleton<IOutingLedgerAsync>(new InMemoryOutingLedger())
            .AddCommunityControlPostgreSql(_server.ConnectionString)
            .BuildServiceProvider();
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));

        var ledger = provider.GetRequiredService<IOutingLedgerAsync>();
        var outing = await ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2));

        ledger.Should().BeOfType<InstrumentedOutingLedgerAsync>("every store call is measured")
            .Which.Inner.Should().BeOfType<PostgreSqlOutingLedger>("the PostgreSQL ledger replaces the in-memory one");
        provider.GetRequiredService<CommunityControl.Records.IPassageStore>().Should().BeOfType<InstrumentedPassageStore>()
            .Which.Inner.Should().BeOfType<PostgreSqlPassageStore>();
        provider.GetRequiredService<CommunityControl.Records.IHealthReportStore>().Should().BeOfType<InstrumentedHealthReportStore>()
            .Which.Inner.Should().BeOfType<PostgreSqlHealthReportStore>();
        provider.GetRequiredService<CommunityControl.Records.IFollowUpStore>().Should().BeOfType<InstrumentedFollowUpStore>()
            .Which.Inner.Should().BeOfType<PostgreSqlFollowUpStore>();
        provider.GetRequiredService<CommunityControl.Records.IAuditTrail>().Should().BeOfType<InstrumentedAuditTrail>()
            .Which.Inner.Should().BeOfType<PostgreSqlAuditTrail>();
        provider.GetRequiredService<CommunityControl.Records.IArrivalStore>().Should().BeOfType<InstrumentedArrivalStore>()
            .Which.Inner.Should().BeOfType<PostgreSqlArrivalStore>();
        provider.GetRequiredService<CommunityControl.Staffing.IAttendanceStore>().Should().BeOfType<InstrumentedAttendanceStore>()
            .Which.Inner.Should().BeOfType<PostgreSqlAttendanceStore>();
        (await new PostgreSqlOutingLedger(_server.DataSource).OutingsOfAsync(household)).Should().Equal(outing!.Value);
        provider.GetRequiredService<NpgsqlDataSource>().Should().NotBeSameAs(_server.DataSource);
    }

    [Fact]
    public async Task AddCommunityControlPostgreSql_DataSource_IsUsedAndNotDisposed()
    {
        await using (var provider = new ServiceCollection().AddCommunityControlPostgreSql(_server.DataSource).BuildServiceProvider())
        {
            provider.GetRequiredService<NpgsqlDataSource>().Should().BeSameAs(_server.DataSource);
            provider.GetRequiredService<IOutingLedgerAsync>().Should().BeOfType<InstrumentedOutingLedgerAsync>().Which.Inner.Should().BeOfType<PostgreSqlOutingLedger>();
            provider.GetRequiredService<CommunityControl.Records.IPassageStore>().Should().BeOfType<InstrumentedPassageStore>()
                .Which.Inner.Should().BeOfType<PostgreSqlPassageStore>();
            provider.GetRequiredService<CommunityControl.Records.IHealthReportStore>().Should().BeOfType<InstrumentedHealthReportStore>()
                .Which.Inner.Should().BeOfType<PostgreSqlHealthReportStore>();
            provider.GetRequiredService<CommunityControl.Records.IFollowUpStore>().Should().BeOfType<InstrumentedFollowUpStore>()
                .Which.Inner.Should().BeOfType<PostgreSqlFollowUpStore>();
            provider.GetRequiredService<CommunityControl.Records.IAuditTrail>().Should().BeOfType<InstrumentedAuditTrail>()
                .Which.Inner.Should().BeOfType<PostgreSqlAuditTrail>();
            provider.GetRequiredService<CommunityControl.Records.IArrivalStore>().Should().BeOfType<InstrumentedArrivalStore>()
                .Which.Inner.Should().BeOfType<PostgreSqlArrivalStore>();
            provider.GetRequiredService<CommunityControl.Staffing.IAttendanceStore>().Should().BeOfType<InstrumentedAttendanceStore>()
                .Which.Inner.Should().BeOfType<PostgreSqlAttendanceStore>();
        }

        (await new PostgreSqlOutingLedger(_server.DataSource).CountOpenOutingsAsync(HouseholdId.From("h-after-dispose"))).Should().Be(0, "the caller's data source outlives the container");
    }

    [Fact]
    public void AddCommunityControlPostgreSql_BadArguments_NameTheArgument()
    {
        FluentActions.Invoking(() => new ServiceCollection().AddCommunityControlPostgreSql(" ")).Should().Throw<ArgumentException>().WithParameterName("connectionString");
        FluentActions.Invoking(() => new ServiceCollection().AddCommunityControlPostgreSql((NpgsqlDataSource)null!)).Should().Throw<ArgumentNullException>().WithParameterName("dataSource");
    }
}
