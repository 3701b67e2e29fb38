using System;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Epidemiology;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class DocumentLimitsTests
{
    [Fact]
    public void Ctor_Ok()
    {
        var limits = new DocumentLimits();

        limits.MaxDocumentBytes.Should().Be(256 * 1024 * 1024);
        limits.MaxDepth.Should().Be(64);
        limits.MaxItems.Should().Be(5_000_000);
        limits.MaxHistoryDays.Should().Be(3_660);
        limits.MaxProblems.Should().Be(100);
        limits.IsReadOnly.Should().BeFalse();
    }

    [Fact]
    public void Default_HasTheDefaultsAndIsReadOnly()
    {
        DocumentLimits.Default.Should().BeEquivalentTo(new DocumentLimits(), o => o.Excluding(l => l.IsReadOnly));
        DocumentLimits.Default.IsReadOnly.Should().BeTrue("the shared default cannot be changed by one caller for all");
        FluentActions.Invoking(() => DocumentLimits.Default.MaxDepth = 3).Should().Throw<InvalidOperationException>();
    }

    [Theory]
    [InlineData(nameof(DocumentLimits.MaxDocumentBytes))]
    [InlineData(nameof(DocumentLimits.MaxDepth))]
    [InlineData(nameof(DocumentLimits.MaxItems))]
    [InlineData(nameof(DocumentLimits.MaxHistoryDays))]
    [InlineData(nameof(DocumentLimits.MaxProblems))]
    public void Read_LimitOutOfRange_ThrowsNamingTheProperty(string property)
    {
        var limits = new DocumentLimits();
        typeof(DocumentLimits).GetProperty(property)!.SetValue(limits, 0);

        FluentActions.Invoking(() => ZoneTreeJson.Parse("{ \"zones\": [] }", limits))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(property);
    }

    [Fact]
    public void MaxHistoryDays_AboveTheHistorySpanCap_ThrowsNamingTheProperty()
    {
        var limits = new DocumentLimits { MaxHistoryDays = EpidemicHistory.MaxDays + 1 };

        FluentActions.Invoking(() => ZoneTreeJson.Parse("{ \"zones\": [] }", limits))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(DocumentLimits.MaxHistoryDays));
    }

    [Fact]
    public void EpidemicHistoryParse_FortyNineByteHistorySpanningTheCalendar_IsRejected()
    {
        const string json = "{\"firstDay\":\"0001-01-01\",\"lastDay\":\"9999-12-31\"}"; // the issue's document, as written

        var problems = FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Documents.Tree))
            .Should().Throw<DocumentFormatException>().Which.Problems;

        // Both ends lie outside the dates a history may hold (1900-01-01 to 2199-12-31), which is checked first; the
        // day limit itself is tested below with dates inside that range.
        problems.Select(p => (p.Path, p.LineNumber)).Should().BeEquivalentTo(new[] { ("$.firstDay", (long?)1L), ("$.lastDay", (long?)1L) });
    }

    [Fact]
    public void EpidemicHistoryParse_MoreDaysThanAConfiguredLimit_IsRejected()
    {
        const string json = "{\"firstDay\":\"2022-07-01\",\"lastDay\":\"2022-07-31\"}";

        FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Documents.Tree, new DocumentLimits { MaxHistoryDays = 30 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.lastDay");
        EpidemicHistoryJson.Parse(json, Documents.Tree, new DocumentLimits { MaxHistoryDays = 31 }).LastDay.Day.Should().Be(31);
    }

    [Fact]
    public void ZoneTreeRead_NonSeekableStreamOverTheByteLimit_IsAProblemNotAnIOException()
    {
        var json = Documents.Valid("zones");
        using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes(json));
        var limits = new DocumentLimits { MaxDocumentBytes = 100 };

        var ex = FluentActions.Invoking(() => ZoneTreeJson.Read(stream, limits)).Should().Throw<DocumentFormatException>().Which;

        (ex.Problems.Single().Path, ex.Problems.Single().LineNumber).Should().Be(("$", 1L));
        ex.Problems.Single().Message.Should().Contain("100 bytes");
        stream.BytesRead.Should().BeLessThan(json.Length, "reading stops at the limit");
    }

    [Fact]
    public void ZoneTreeRead_NonSeekableStreamWithinTheByteLimit_IsRead()
    {
        var json = Documents.Valid("zones");
        using var stream = new NonSeekableStream(Encoding.UTF8.GetBytes(json));

        ZoneTreeJson.Read(stream, new DocumentLimits { MaxDocumentBytes = Encoding.UTF8.GetByteCount(json) }).Count.Should().Be(Documents.Tree.Count);
    }

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_SpanOverTheByteLimit_IsAProblem(string kind)
    {
        Documents.Rejects(kind, "{ \"a\": \"0123456789\" }", new DocumentLimits { MaxDocumentBytes = 10 })
            .Problems.Single().Message.Should().Contain("DocumentLimits.MaxDocumentBytes");
    }

    [Fact]
    public void MeasureTableParse_StringOverTheByteLimit_IsAProblem()
    {
        FluentActions.Invoking(() => MeasureTableJson.Parse("{ \"scale\": \"社区社区社区\" }", null, new DocumentLimits { MaxDocumentBytes = 20 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$");
    }

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_NestedDeeperThanTheLimit_IsAProblemWithPathAndLine(string kind)
    {
        var json = "{ \"a\":\n" + string.Concat(Enumerable.Repeat("[", 70)) + string.Concat(Enumerable.Repeat("]", 70)) + " }";

        var problem = Documents.Rejects(kind, json).Problems.Single();

        problem.Path.Should().Be("$.a" + string.Concat(Enumerable.Repeat("[0]", 63)));
        problem.LineNumber.Should().Be(2);
        problem.Message.Should().Contain("64");
    }

    [Fact]
    public void Read_NestedWithinAConfiguredDepth_IsNotADepthProblem()
    {
        var json = "{ \"zones\": [ { \"id\": \"A\", \"kind\": \"Community\" } ] }";

        ZoneTreeJson.Parse(json, new DocumentLimits { MaxDepth = 3 }).Count.Should().Be(1);
        FluentActions.Invoking(() => ZoneTreeJson.Parse(json, new DocumentLimits { MaxDepth = 2 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().Path.Should().Be("$.zones[0]");
    }

    [Fact]
    public void ZoneTreeParse_MoreZonesThanTheItemLimit_IsAProblem()
    {
        var zones = string.Join(",\n", Enumerable.Range(0, 6).Select(i => $"{{ \"id\": \"z{i}\", \"kind\": \"Community\" }}"));

        var problem = FluentActions.Invoking(() => ZoneTreeJson.Parse("{ \"zones\": [\n" + zones + "\n] }", new DocumentLimits { MaxItems = 5 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.zones", 7L));
        problem.Message.Should().Contain("more than 5 items");
    }

    [Fact]
    public void ZoneTreeCsvParse_MoreRowsThanTheItemLimit_IsAProblem()
    {
        var csv = "id,kind\n" + string.Concat(Enumerable.Range(0, 4).Select(i => $"z{i},Community\n"));

        FluentActions.Invoking(() => ZoneTreeCsv.Parse(csv, CommunityControl.Zones.ZoneTreeBuilder.DefaultTimeZone, new DocumentLimits { MaxItems = 3 }))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single().LineNumber.Should().Be(5);
    }

    [Fact]
    public void EpidemicHistoryParse_ThirtyTwoThousandDuplicateCaseIds_ListsTheFirstHundredAndTheTotal()
    {
        var cases = string.Join(",\n", Enumerable.Repeat("{ \"id\": \"p-1\", \"kind\": \"Confirmed\", \"reported\": \"2022-07-01\", \"residence\": \"c1-a-1-1\" }", 32_001));
        var json = "{ \"firstDay\": \"2022-07-01\", \"lastDay\": \"2022-07-02\", \"cases\": [\n" + cases + "\n] }";

        var ex = FluentActions.Invoking(() => EpidemicHistoryJson.Parse(json, Documents.Tree)).Should().Throw<DocumentFormatException>().Which;

        ex.TotalProblemCount.Should().Be(32_000);
        ex.Problems.Should().HaveCount(100);
        ex.Problems[0].Path.Should().Be("$.cases[1].id");
        ex.Problems[0].LineNumber.Should().Be(3);
        ex.Problems[99].LineNumber.Should().Be(102);
        ex.Message.Should().Contain("first 100 of 32000 problems");
        ex.Message.Should().NotContain("p-1", "a case id may identify a person");
    }

    [Fact]
    public void Read_ConfiguredMaxProblems_ListsThatMany()
    {
        var members = string.Join(",", Enumerable.Range(0, 10).Select(_ => "\"k\": 1"));

        var ex = Documents.Rejects("measures", "{ " + members + " }", new DocumentLimits { MaxProblems = 3 });

        ex.Problems.Should().HaveCount(3);
        ex.TotalProblemCount.Should().Be(9);
        ex.Message.Should().Contain("first 3 of 9 problems");
    }

    /// <summary>A stream that cannot seek and counts what is read from it.</summary>
    private sealed class NonSeekableStream : Stream
    {
        private readonly MemoryStream _inner;

        public NonSeekableStream(byte[] bytes) => _inner = new MemoryStream(bytes);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = _inner.Read(buffer, offset, Math.Min(count, 16));
            BytesRead += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
