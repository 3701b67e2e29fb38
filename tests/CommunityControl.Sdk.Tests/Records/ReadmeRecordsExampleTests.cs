using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CommunityControl;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>The README's records example, verbatim, runs; and the README shows exactly this code.</summary>
public class ReadmeRecordsExampleTests
{
    [Fact]
    public async Task ReadmeExample_RecordsOncePerKey_AndTracesTheCase()
    {
        var tree = new ZoneTreeBuilder().Add("500101-001-01", ZoneKind.Compound, gates: 2, households: 860).Build();
        var edition = PolicyEditions.China.NinthEdition;
        var today = RiskSnapshot.Uniform(tree, new LocalDate(2022, 7, 1), edition.Risk.Scale, edition.Risk.Scale["Low"]);
        var store = new InMemoryPassageStore();                                   // or a database's IPassageStore
        var recorder = new PassageRecorder(edition.Access!, store);              // pass an IOutingLedger where quotas apply
        var at = Instant.FromUtc(2022, 7, 1, 2, 0);
        var request = new AccessRequest
        {
            ZoneIndex = tree.GetIndex(ZoneId.From("500101-001-01")), Direction = GateDirection.Entry, At = at,
            Person = PersonId.From("p-7f3a"), Category = PersonCategory.Visitor, Operator = Role.PropertyStaff,
            TemperatureCelsius = 36.6, HealthCode = HealthCodeColour.Green,
        };
        var first = await recorder.EvaluateAndRecordAsync("gate-1:000042", request, today);
        var retry = await recorder.EvaluateAndRecordAsync("gate-1:000042", request, today);   // the gate timed out and retried
        // first.IsNew is true, retry.IsNew is false: one passage, one decision (retry.Record is first.Record)
        var traced = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = PersonId.From("p-7f3a"),
            InfectiousPeriod = new Interval(at - Duration.FromDays(3), at + Duration.FromDays(1)),  // set by the health authority:
            Window = Duration.FromMinutes(5),                                                        // the library has no default
        });
        // traced.Gates: the case's activity places; traced.Contacts: who passed there within ±5 min, with the evidence

        first.IsNew.Should().BeTrue();
        retry.IsNew.Should().BeFalse();
        retry.Record.Should().BeSameAs(first.Record);
        store.Count.Should().Be(1);
        traced.CasePassages.Should().ContainSingle().Which.Should().BeSameAs(first.Record);
        traced.Gates.Should().Equal(ZoneId.From("500101-001-01"));
        traced.Contacts.Should().BeEmpty("nobody else passed");
    }

    [Fact]
    public void ReadmeExample_IsTheCodeOfThisTest()
    {
        var readme = File.ReadAllText(RepositoryRoot.Combine("README.md"));
        var block = Regex.Matches(readme, "```csharp\\n(.*?)```", RegexOptions.Singleline)
            .Select(m => m.Groups[1].Value)
            .Single(b => b.Contains("new PassageRecorder(", StringComparison.Ordinal));
        var source = File.ReadAllText(RepositoryRoot.Combine("tests", "CommunityControl.Sdk.Tests", "Records", "ReadmeRecordsExampleTests.cs"));
        var lines = block.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

        lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).Should().HaveCountGreaterThan(5, "the example shows its using lines");
        lines.Where(l => !source.Contains(l, StringComparison.Ordinal)).Should().BeEmpty("every line of the README example is in this test");
    }
}
