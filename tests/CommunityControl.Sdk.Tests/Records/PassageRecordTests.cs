using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

public class PassageRecordTests
{
    [Fact]
    public void ToString_ShowsGateAndOutcome_NeverAPersonHouseholdPassDeviceOrKey()
    {
        var record = new PassageRecord
        {
            IdempotencyKey = "key-5c1e",
            Gate = ZoneId.From("500101-001-01"),
            At = Instant.FromUtc(2020, 2, 20, 0, 30),
            Person = PersonId.From("p-7f3a"),
            Household = HouseholdId.From("h-19c2"),
            Direction = GateDirection.Exit,
            Category = PersonCategory.Resident,
            PassId = "pass-88d1",
            Outcome = AccessOutcome.Allow,
            Operator = Role.CommunityWorker,
            Device = "dev-42",
        };

        var text = record.ToString();

        text.Should().Be("Exit of a Resident at 500101-001-01, 2020-02-20T00:30:00Z: Allow");
        text.Should().NotContain("p-7f3a").And.NotContain("h-19c2").And.NotContain("pass-88d1").And.NotContain("dev-42").And.NotContain("key-5c1e");
        record.WasAllowed.Should().BeTrue("Allow lets the person through");
    }

    [Fact]
    public void Init_InvalidValues_ThrowNamingThePropertyWithoutEchoingTheValue()
    {
        Invoking(() => Passages.At("k-1", "g-1", "p-1", Passages.Start)).Should().NotThrow();
        Invoking(() => Passages.At("k 1", "g-1", "p-1", Passages.Start)).Should().Throw<ArgumentException>()
            .Which.ParamName.Should().Be("IdempotencyKey");
        Invoking(() => Passages.At(new string('k', 129), "g-1", "p-1", Passages.Start)).Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("at most 128");
        Invoking(() => new PassageRecord { IdempotencyKey = "k", Gate = default, At = Passages.Start, Person = PersonId.From("p-1"), Direction = GateDirection.Entry, Outcome = AccessOutcome.Allow })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Gate");
        Invoking(() => new PassageRecord { IdempotencyKey = "k", Gate = ZoneId.From("g"), At = Passages.Start, Person = default, Direction = GateDirection.Entry, Outcome = AccessOutcome.Allow })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Person");
        Invoking(() => new PassageRecord { IdempotencyKey = "k", Gate = ZoneId.From("g"), At = Passages.Start, Person = PersonId.From("p-1"), Direction = GateDirection.Unknown, Outcome = AccessOutcome.Allow })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Direction");
        Invoking(() => new PassageRecord { IdempotencyKey = "k", Gate = ZoneId.From("g"), At = Passages.Start, Person = PersonId.From("p-1"), Direction = GateDirection.Entry, Outcome = (AccessOutcome)9 })
            .Should().Throw<ArgumentException>().Which.ParamName.Should().Be("Outcome");
        Invoking(() => new PassageRecord { IdempotencyKey = "k", Gate = ZoneId.From("g"), At = Passages.Start, Person = PersonId.From("p-1"), Direction = GateDirection.Entry, Outcome = AccessOutcome.Allow, PassId = "13800138000" })
            .Should().Throw<ArgumentException>().Where(e => e.ParamName == "PassId" && !e.Message.Contains("13800138000"));
        Invoking(() => new PassageRecord { IdempotencyKey = null!, Gate = ZoneId.From("g"), At = Passages.Start, Person = PersonId.From("p-1"), Direction = GateDirection.Entry, Outcome = AccessOutcome.Allow })
            .Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("IdempotencyKey");
    }

    private static Func<PassageRecord> Invoking(Func<PassageRecord> create) => create;
}
