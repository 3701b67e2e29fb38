// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, CA2007, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using System.Threading.Tasks;
using CommunityControl;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Risk;
using CommunityControl.Zones;
using NodaTime;

namespace ReadmeSnippets;

/// <summary>README §9: records (a passage recorded once per key, a case traced).</summary>
internal static class ReadmeRecords
{
    public static void Run() => RunAsync().GetAwaiter().GetResult();

    /// <summary>Runs the block and returns what it made, for <c>ReadmeRecordsExampleTests</c> to check.</summary>
    public static async Task<(AppendResult<PassageRecord> First, AppendResult<PassageRecord> Retry, CoPresenceResult Traced, InMemoryPassageStore Store)> RunAsync()
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
        // first.IsNew is true, retry.IsNew is false: one passage, one decision (retry.Record equals first.Record)

        var traced = await CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = PersonId.From("p-7f3a"),
            InfectiousPeriod = new Interval(at - Duration.FromDays(3), at + Duration.FromDays(1)),  // set by the health authority:
            Window = Duration.FromMinutes(5),                                                        // the library has no default
        });
        // traced.Gates: the case's activity places; traced.Contacts: who passed there within ±5 min, with the evidence
        return (first, retry, traced, store);
    }
}
