using System;
using System.Linq;
using System.Threading.Tasks;
using CommunityControl.Access;
using CommunityControl.PostgreSql;
using CommunityControl.Tests.Access;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.PostgreSql;

/// <summary>
/// The ledger's one-round-trip decision (the household's lock, then one statement that reads, counts and inserts) under
/// concurrent gates: a request sent by many gates at once is recorded once, and the open-outing quota (no window) is
/// granted exactly.
/// </summary>
[Collection(PostgreSqlDatabase.Name)]
public sealed class PostgreSqlOutingLedgerConcurrencyTests
{
    private const int Gates = 16;

    private readonly PostgreSqlServer _server;

    public PostgreSqlOutingLedgerConcurrencyTests(PostgreSqlServer server) => _server = server;

    [Fact]
    public async Task TryStartOutingAsync_SixteenGatesSendOneRequestAtOnce_RecordedOnce_EveryGateGetsThatOuting()
    {
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
        var ledger = new PostgreSqlOutingLedger(_server.DataSource);

        var answers = await Task.WhenAll(Enumerable.Range(0, Gates).Select(_ => Task.Run(() => ledger.TryStartOutingAsync(household, Person, Noon, 1, Duration.FromDays(2), "request-1").AsTask())));

        var recorded = await ledger.OutingsOfAsync(household);
        recorded.Should().ContainSingle("one request key is one outing, however many gates send it at once");
        answers.Should().OnlyContain(a => a == recorded[0], "each gate learns of the one outing recorded for the request");
        (await ledger.TryStartOutingAsync(household, PersonId.From("p-other"), Noon, 1, Duration.FromDays(2), "request-2")).Should().BeNull("the quota of 1 is used");
    }

    [Fact]
    public async Task TryStartOutingAsync_OpenOutingQuotaOf3_SixteenGatesAtOnce_GrantExactly3_AnEndFreesOnePlace()
    {
        var household = HouseholdId.From("h" + Guid.NewGuid().ToString("N"));
        var ledger = new PostgreSqlOutingLedger(_server.DataSource);

        var answers = await Task.WhenAll(Enumerable.Range(0, Gates).Select(gate => Task.Run(() =>
            ledger.TryStartOutingAsync(household, PersonId.From($"p-{gate}"), Noon + Duration.FromSeconds(gate), 3, window: null, $"gate-{gate}").AsTask())));

        var granted = answers.Where(a => a is not null).Select(a => a!.Value).ToList();
        granted.Should().HaveCount(3, "at most 3 members of the household may be out at once");
        (await ledger.CountOpenOutingsAsync(household)).Should().Be(3);
        (await ledger.OutingsOfAsync(household)).Should().BeEquivalentTo(granted, "every grant is recorded once and nothing else is");

        var back = granted[0];
        (await ledger.TryEndOutingAsync(household, back.Person, Noon + Duration.FromHours(1))).Should().NotBeNull();
        var denied = answers.Select((a, gate) => (a, gate)).First(x => x.a is null).gate;
        (await ledger.TryStartOutingAsync(household, PersonId.From($"p-{denied}"), Noon + Duration.FromHours(2), 3, window: null, $"gate-{denied}-again")).Should().NotBeNull("one member came back: one place is free");
        (await ledger.TryStartOutingAsync(household, PersonId.From("p-late"), Noon + Duration.FromHours(2), 3, window: null, "gate-late")).Should().BeNull("3 are out again");
    }
}
