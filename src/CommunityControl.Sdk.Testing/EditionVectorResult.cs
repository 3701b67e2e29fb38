using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Testing.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// What <see cref="EditionVectorRunner"/> found: per vector the number of zone-days checked and every mismatch, each with
/// the line of its expectation in the vectors document.
/// </summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class EditionVectorResult
{
    internal EditionVectorResult(string editionId, EditionVectorOutcome[] vectors)
    {
        EditionId = editionId;
        Vectors = Array.AsReadOnly(vectors);
        Mismatches = Array.AsReadOnly(vectors.SelectMany(v => v.Mismatches).ToArray());
        Checks = vectors.Sum(v => v.Checks);
    }

    /// <summary>Gets the id of the edition the vectors ran against.</summary>
    public string EditionId { get; }

    /// <summary>Gets the outcome of each vector run, in document order.</summary>
    public IReadOnlyList<EditionVectorOutcome> Vectors { get; }

    /// <summary>Gets the number of zone-days checked over all vectors.</summary>
    public int Checks { get; }

    /// <summary>Gets every mismatch of every vector, in document order.</summary>
    public IReadOnlyList<EditionVectorMismatch> Mismatches { get; }

    /// <summary>Gets a value indicating whether at least one zone-day was checked and every expectation held.</summary>
    public bool Passed => Checks > 0 && Mismatches.Count == 0;

    /// <summary>Describes the run and lists the mismatches (at most <paramref name="maximum"/>), one per line.</summary>
    /// <param name="maximum">The most mismatches to list.</param>
    /// <returns>E.g. <c>my-city-2022: 4 vectors, 120 checks, 1 mismatch</c> followed by the mismatches.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maximum"/> is negative.</exception>
    public string Describe(int maximum = 20)
    {
        Guard.NotNegative(maximum);
        var text = new StringBuilder(ToString());
        foreach (var m in Mismatches.Take(maximum))
        {
            text.Append('\n').Append("  ").Append(m);
        }

        if (Mismatches.Count > maximum)
        {
            text.Append('\n').Append("  … and ").Append((Mismatches.Count - maximum).ToString(CultureInfo.InvariantCulture)).Append(" more");
        }

        return text.ToString();
    }

    /// <summary>Returns the edition, the counts of vectors, checks and mismatches.</summary>
    /// <returns>E.g. <c>my-city-2022: 4 vectors, 120 checks, 0 mismatches</c>.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}: {1} vector{2}, {3} checks, {4} mismatch{5}", EditionId, Vectors.Count, Vectors.Count == 1 ? string.Empty : "s", Checks, Mismatches.Count, Mismatches.Count == 1 ? string.Empty : "es");
}

/// <summary>The outcome of one vector: its name, the rule row it encodes, the zone-days checked and the mismatches.</summary>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class EditionVectorOutcome
{
    internal EditionVectorOutcome(string name, string? row, int checks, EditionVectorMismatch[] mismatches)
    {
        Name = name;
        Row = row;
        Checks = checks;
        Mismatches = Array.AsReadOnly(mismatches);
    }

    /// <summary>Gets the vector's name.</summary>
    public string Name { get; }

    /// <summary>Gets the row of the source's rule table the vector encodes (e.g. <c>§6.6 #1</c>), if given.</summary>
    public string? Row { get; }

    /// <summary>Gets the number of zone-days checked.</summary>
    public int Checks { get; }

    /// <summary>Gets every zone-day whose assessment differed from the expectation.</summary>
    public IReadOnlyList<EditionVectorMismatch> Mismatches { get; }

    /// <summary>Gets a value indicating whether at least one zone-day was checked and every expectation held.</summary>
    public bool Passed => Checks > 0 && Mismatches.Count == 0;

    /// <summary>Returns the name and counts.</summary>
    /// <returns>E.g. <c>High steps down after 10 days [§6.6 #1]: 24 checks, 0 mismatches</c>.</returns>
    public override string ToString()
        => string.Format(CultureInfo.InvariantCulture, "{0}{1}: {2} checks, {3} mismatch{4}", Name, Row is null ? string.Empty : " [" + Row + "]", Checks, Mismatches.Count, Mismatches.Count == 1 ? string.Empty : "es");
}

/// <summary>One zone-day whose assessment differed from a vector's expectation: what was expected, what the edition gave, and where the expectation is written.</summary>
/// <remarks>Names zone ids, dates, level and reason codes, and pseudonymous case ids only.</remarks>
/// <threadsafety static="true" instance="true">Immutable.</threadsafety>
public sealed class EditionVectorMismatch
{
    internal EditionVectorMismatch(string vector, string path, long? line, string expectedLevel, RiskAssessmentOutcome expectedOutcome, string? expectedReason, LocalDate? expectedSince, RiskAssessment actual)
    {
        Vector = vector;
        Path = path;
        LineNumber = line;
        ExpectedLevel = expectedLevel;
        ExpectedOutcome = expectedOutcome;
        ExpectedReason = expectedReason;
        ExpectedSince = expectedSince;
        Actual = actual;
    }

    /// <summary>Gets the name of the vector.</summary>
    public string Vector { get; }

    /// <summary>Gets the JSON path of the expectation, e.g. <c>$.vectors[2].expect[4]</c>.</summary>
    public string Path { get; }

    /// <summary>Gets the 1-based line of the expectation in the vectors document, if known.</summary>
    public long? LineNumber { get; }

    /// <summary>Gets the zone checked.</summary>
    public ZoneId Zone => Actual.Zone;

    /// <summary>Gets the day checked.</summary>
    public LocalDate Date => Actual.Date;

    /// <summary>Gets the level code expected.</summary>
    public string ExpectedLevel { get; }

    /// <summary>Gets the outcome expected.</summary>
    public RiskAssessmentOutcome ExpectedOutcome { get; }

    /// <summary>Gets the reason code expected, if the expectation names one.</summary>
    public string? ExpectedReason { get; }

    /// <summary>Gets the first day of the designation expected, if the expectation names one.</summary>
    public LocalDate? ExpectedSince { get; }

    /// <summary>Gets what the edition gave.</summary>
    public RiskAssessment Actual { get; }

    /// <summary>Returns the zone, day, expectation, result and line.</summary>
    /// <returns>E.g. <c>c1-a 2022-07-09: expected High/Determined, got Medium/Determined/SteppedDown since 2022-07-09 (SteppedDown [risk-areas]) at $.vectors[0].expect[3] (line 210)</c>.</returns>
    public override string ToString()
    {
        var expected = ExpectedLevel + "/" + ExpectedOutcome
            + (ExpectedReason is null ? string.Empty : "/" + ExpectedReason)
            + (ExpectedSince is { } s ? " since " + Text.Date(s) : string.Empty);
        var actual = Actual.LevelDefinition.Code + "/" + Actual.Outcome
            + (Actual.Reason is null ? string.Empty : "/" + Actual.Reason.Code)
            + (Actual.Since is { } a ? " since " + Text.Date(a) : string.Empty)
            + (Actual.Reason is null ? string.Empty : " (" + Actual.Reason + ")");
        var where = " at " + Path + (LineNumber is { } line ? " (line " + line.ToString(CultureInfo.InvariantCulture) + ")" : string.Empty);
        return $"{Zone} {Text.Date(Date)}: expected {expected}, got {actual}{where}";
    }
}
