using System.Diagnostics;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace CommunityControl.Testing;

/// <summary>FluentAssertions for an <see cref="EditionVectorResult"/>: <c>result.Should().Pass()</c> fails with every mismatch, its zone, day, codes and line.</summary>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class EditionVectorResultAssertions : ReferenceTypeAssertions<EditionVectorResult, EditionVectorResultAssertions>
{
    /// <summary>Creates the assertions for a result (use <c>result.Should()</c>).</summary>
    /// <param name="subject">The result.</param>
    public EditionVectorResultAssertions(EditionVectorResult subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "result";

    /// <summary>Asserts that at least one zone-day was checked and every expectation held.</summary>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public AndConstraint<EditionVectorResultAssertions> Pass(string because = "", params object[] becauseArgs)
    {
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected the vectors to pass{reason}, but the result is <null>.")
            .Then
            .ForCondition(Subject!.Passed)
            .FailWith("Expected the vectors of edition " + Internal.Text.Safe(Subject.EditionId) + " to pass{reason}, but "
                + (Subject.Checks == 0 ? "they checked nothing" : Internal.Text.Safe(Subject.Describe())) + ".");
        return new AndConstraint<EditionVectorResultAssertions>(this);
    }
}
