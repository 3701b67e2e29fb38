using System;
using System.Collections.Generic;
using CommunityControl.Records;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Records;

/// <summary>
/// The passage store's interning table (people and gates to dense indexes) against a <see cref="Dictionary{TKey, TValue}"/>
/// brute force, with ids whose hashes collide on purpose.
/// </summary>
public class InternTableTests
{
    [Theory]
    [InlineData(1)] // every id has the same hash: one probe chain through the whole table
    [InlineData(7)] // a few hashes, shared by many ids
    [InlineData(1_000_003)] // hashes spread (distinct up to the id count)
    public void IndexOf_AndAdd_AgreeWithADictionary_AcrossGrowth_WithCollidingHashes(int distinctHashes)
    {
        var table = new InternTable<TestId, TestEntry>();
        var brute = new Dictionary<int, int>();
        var random = new Random(distinctHashes);
        for (var step = 0; step < 5_000; step++)
        {
            // Mostly ids not seen yet at first, then mostly repeats: the table grows from 16 slots through many doublings.
            var id = new TestId(random.Next(distinctHashes == 1 ? 600 : 3_000), distinctHashes);
            var hash = InternTable<TestId, TestEntry>.HashOf(id);
            var index = table.IndexOf(id, hash);
            if (brute.TryGetValue(id.Value, out var expected))
            {
                index.Should().Be(expected);
                table[index].Seen++;
            }
            else
            {
                index.Should().Be(-1);
                index = table.Add(new TestEntry { Id = id, Seen = 1 }, hash);
                index.Should().Be(brute.Count, "indexes are dense, in order of first sight");
                brute.Add(id.Value, index);
            }
        }

        table.Count.Should().Be(brute.Count);
        var seen = new Dictionary<int, int>();
        for (var v = -5; v < 3_005; v++)
        {
            var id = new TestId(v, distinctHashes);
            var index = table.IndexOf(id, InternTable<TestId, TestEntry>.HashOf(id));
            index.Should().Be(brute.TryGetValue(v, out var expected) ? expected : -1);
            if (index >= 0)
            {
                table[index].Id.Should().Be(id, "an entry keeps its id through every growth");
                seen[v] = table[index].Seen;
            }
        }

        // The state kept in the entries survived the growths: each id's count of sightings adds up to the steps.
        var total = 0;
        foreach (var count in seen.Values)
        {
            total += count;
        }

        total.Should().Be(5_000);
    }

    /// <summary>An id whose hash is its value modulo a chosen number of hashes (1: all collide).</summary>
    private readonly record struct TestId(int Value, int DistinctHashes)
    {
        public override int GetHashCode() => Value % DistinctHashes;
    }

    private struct TestEntry : IInterned<TestId>
    {
        public int Seen;

        public TestId Id { get; init; }

        public readonly bool Matches(TestId id) => Id.Equals(id);
    }
}
