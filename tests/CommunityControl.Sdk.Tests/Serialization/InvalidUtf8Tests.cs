using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

public class InvalidUtf8Tests
{
    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_InvalidUtf8InAValue_IsAProblemWithPathAndLine(string kind)
    {
        var utf8 = Bytes("{\n\"a\": [ \"ok\",\n \"bad", 0xFF, "\" ]\n}");

        var problem = Documents.Rejects(kind, utf8).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.a[1]", 3L));
        problem.Message.Should().Contain("UTF-8");
    }

    [Theory]
    [InlineData("zones")]
    [InlineData("edition")]
    [InlineData("measures")]
    [InlineData("access")]
    [InlineData("staffing")]
    [InlineData("history")]
    public void Read_InvalidUtf8InAPropertyName_IsAProblem(string kind)
    {
        var utf8 = Bytes("{ \"na", 0xC3, 0x28, "me\": 1 }");

        var problem = Documents.Rejects(kind, utf8).Problems.Single();

        problem.LineNumber.Should().Be(1);
        problem.Path.Should().StartWith("$.na");
    }

    [Fact]
    public void ZoneTreeRead_InvalidUtf8InAZoneName_IsAProblemNotAnInvalidOperationException()
    {
        var utf8 = Bytes("{ \"zones\": [\n { \"id\": \"A\", \"kind\": \"Community\", \"name\": \"", 0xE6, 0x88, "\" } ] }");

        var problem = Documents.Rejects("zones", utf8).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.zones[0].name", 2L));
    }

    [Fact]
    public void PolicyEditionRead_InvalidUtf8InASection_IsAProblemNotAnInvalidOperationException()
    {
        var valid = Documents.Valid("edition");
        var json = Documents.WithFirstMember(valid, "\"measures\": { \"scale\": \"cn-low-\uFFFF\" }");
        var utf8 = Encoding.UTF8.GetBytes(json);
        var at = Find(utf8, Encoding.UTF8.GetBytes("\uFFFF"));
        utf8[at] = 0xED;
        utf8[at + 1] = 0xA0; // ED A0 80: a UTF-16 surrogate encoded in UTF-8, which is invalid
        utf8[at + 2] = 0x80;

        var problem = Documents.Rejects("edition", utf8).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$.measures.scale", 1L));
    }

    [Fact]
    public void Read_UnpairedSurrogateEscape_IsAProblem()
    {
        var problem = Documents.Rejects("measures", "{ \"scale\": \"\\uD800x\" }").Problems.Single();

        problem.Path.Should().Be("$.scale");
    }

    [Fact]
    public void Read_InvalidUtf8InAComment_IsAProblem()
    {
        var utf8 = Bytes("{ \"scale\": \"x\"\n// note ", 0xFF, "\n}");

        var problem = Documents.Rejects("measures", utf8).Problems.Single();

        (problem.Path, problem.LineNumber).Should().Be(("$", 2L));
    }

    [Fact]
    public void ZoneTreeCsvRead_InvalidUtf8_IsAProblemWithItsLine()
    {
        var utf8 = Bytes("id,kind\nA,Community\nB", 0xFF, ",Compound\n");

        var problem = FluentActions.Invoking(() => ZoneTreeCsv.Read(new System.IO.MemoryStream(utf8)))
            .Should().Throw<DocumentFormatException>().Which.Problems.Single();

        problem.LineNumber.Should().Be(3);
    }

    internal static byte[] Bytes(params object[] parts)
        => parts.SelectMany(p => p is string s ? Encoding.UTF8.GetBytes(s) : new[] { (byte)(int)p }).ToArray();

    private static int Find(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.Skip(i).Take(needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }

        return -1;
    }
}
