using System;
using System.Diagnostics;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Measures;
using CommunityControl.Records;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Benchmarks.Records;

/// <summary>
/// Measures what the in-memory passage register keeps alive per passage (its columns, key arena, hash table and
/// interned tables; the records appended are made beforehand and are not counted), and times one pass of appends (by
/// the wall clock and in CPU time, which a loaded machine disturbs less) and one trace as a rough figure (not a
/// BenchmarkDotNet measurement: one run).
/// Run with <c>dotnet run -c Release --project benchmarks/CommunityControl.Sdk.Benchmarks -- --memory</c> (with the other
/// memory figures, 1,000,000 passages) or <c>-- --records-memory [passages]</c> (this one alone).
/// </summary>
public static class PassageStoreMemory
{
    public static void Report(int count = 1_000_000)
    {
        var gates = new ZoneId[200];
        for (var g = 0; g < gates.Length; g++)
        {
            gates[g] = ZoneId.From($"500101-001-{g:D3}");
        }

        var persons = new PersonId[20_000];
        for (var p = 0; p < persons.Length; p++)
        {
            persons[p] = PersonId.From($"p-{p:x6}");
        }

        var start = Instant.FromUtc(2022, 4, 1, 0, 0);
        var records = new PassageRecord[count];
        for (var i = 0; i < count; i++)
        {
            records[i] = Create(i, gates[i % gates.Length], persons[(i * 7) % persons.Length], start + Duration.FromSeconds(i));
        }

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var store = new InMemoryPassageStore(new RecordStoreOptions { Capacity = count });
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (var record in records)
        {
            var append = store.AppendAsync(record);
            if (!append.IsCompletedSuccessfully)
            {
                append.AsTask().GetAwaiter().GetResult();
            }
        }

        watch.Stop();
        process.Refresh();
        var appendCpu = process.TotalProcessorTime - cpu;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        var trace = Stopwatch.StartNew();
        var result = CoPresenceTracing.TraceAsync(store, new CoPresenceQuery
        {
            Case = persons[1],
            InfectiousPeriod = new Interval(start, start + Duration.FromDays(14)),
            Window = Duration.FromMinutes(5),
        }).AsTask().GetAwaiter().GetResult();
        trace.Stop();
        Console.WriteLine($"Passage register of {count:N0} passages (keys 'gate:<n>', {KeyLength(count):F1} characters on average): retained {after - before:N0} B; per passage: {(after - before) / (double)count:F1} B (issue target <= 64 B)");
        Console.WriteLine($"Appends: {count / watch.Elapsed.TotalSeconds:N0}/s single-threaded by the wall clock, {count / appendCpu.TotalSeconds:N0} per CPU second (issue target >= 1,000,000/s); one trace over 14 days (the first, JIT included): {trace.Elapsed.TotalMilliseconds:F1} ms, {result.Contacts.Count:N0} contacts");
        GC.KeepAlive(store);
        GC.KeepAlive(records);
    }

    private static double KeyLength(int count)
    {
        long total = 0;
        for (var i = 0; i < count; i++)
        {
            total += 5 + i.ToString(System.Globalization.CultureInfo.InvariantCulture).Length;
        }

        return total / (double)count;
    }

    internal static PassageRecord Create(int i, ZoneId gate, PersonId person, Instant at) => new()
    {
        IdempotencyKey = "gate:" + i.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Gate = gate,
        At = at,
        Person = person,
        Direction = (i & 1) == 0 ? GateDirection.Entry : GateDirection.Exit,
        Category = PersonCategory.Resident,
        TemperatureCelsius = 36.5,
        HealthCode = HealthCodeColour.Green,
        Outcome = AccessOutcome.Allow,
        Operator = Role.PropertyStaff,
    };
}
