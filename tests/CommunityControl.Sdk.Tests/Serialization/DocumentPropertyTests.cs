using System;
using System.Text;
using CommunityControl.Serialization;
using CsCheck;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary>
/// Document mutation for every reader, by CsCheck: a valid document with a span replaced by an extreme or malformed
/// token, or cut, gives a model or <see cref="DocumentFormatException"/> with at least one problem, nothing else. It adds
/// random positions to the seeded corpus of <see cref="DocumentMutationTests"/>; bounded for CI.
/// </summary>
public class DocumentPropertyTests
{
    private const long IterationsPerKind = 150;

    private static readonly string[] Tokens =
    {
        "", "0", "-1", "1e308", "-1e400", "9223372036854775808", "NaN", "null", "true", "\"\"", "\"P99999999999D\"",
        "\"9999-12-31\"", "\"-9998-01-01\"", "\"24:00\"", "[]", "{}", "\"小区\"", "\"13812345678\"", ",", ":", "\"", "{", "]",
        "\"High,Low\"", "\"99\"",
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Read_MutatedDocument_GivesAModelOrTheDocumentedException(string kind)
    {
        var valid = Documents.Valid(kind);
        Gen.Select(Gen.Int[0, valid.Length - 1], Gen.Int[0, 12], Gen.Int[0, Tokens.Length - 1], Gen.Bool).Sample(
            (start, length, token, cut) =>
            {
                var end = Math.Min(valid.Length, start + length);
                var mutant = cut ? valid.Substring(0, start) : valid.Substring(0, start) + Tokens[token] + valid.Substring(end);
                try
                {
                    Documents.Read(kind, Encoding.UTF8.GetBytes(mutant)).Should().NotBeNull();
                }
                catch (DocumentFormatException e)
                {
                    e.Problems.Should().NotBeEmpty();
                }
            },
            iter: IterationsPerKind,
            threads: 1);
    }

    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Documents.Kinds)
        {
            data.Add(kind);
        }

        return data;
    }
}
