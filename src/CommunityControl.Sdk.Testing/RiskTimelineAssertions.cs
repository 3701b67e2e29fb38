using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using CommunityControl.Internal;
using CommunityControl.Risk;
using CommunityControl.Testing.Internal;
using CommunityControl.Zones;
using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;
using NodaTime;

namespace CommunityControl.Testing;

/// <summary>
/// FluentAssertions for a <see cref="RiskTimeline"/>: <c>timeline.Should().HaveLevel("High").On(zone, date)</c>,
/// <c>.HaveLevel("Medium").Throughout(zone, from, until)</c>, <c>.HaveInsufficientDataOn(zone, date)</c>,
/// <c>.StepDownOn(zone, date)</c>.
/// </summary>
/// <remarks>Failure messages name the zone id, the date, the level codes on the timeline's scale and the reason (its code, rule and evidence: pseudonymous case ids, zone ids, values).</remarks>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class RiskTimelineAssertions : ReferenceTypeAssertions<RiskTimeline, RiskTimelineAssertions>
{
    /// <summary>Creates the assertions for a timeline (use <c>timeline.Should()</c>).</summary>
    /// <param name="subject">The timeline.</param>
    public RiskTimelineAssertions(RiskTimeline subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "timeline";

    /// <summary>Starts an assertion on a level given by its code on the timeline's scale; finish it with <see cref="RiskLevelExpectation.On"/> or <see cref="RiskLevelExpectation.Throughout(ZoneId, LocalDate, LocalDate, string, object[])"/>.</summary>
    /// <param name="levelCode">A code of the timeline's scale, e.g. <c>High</c> (<c>None</c> for severity 0 on a scale that does not name it).</param>
    /// <returns>The expectation; nothing is asserted until it is finished.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="levelCode"/> is null.</exception>
    /// <exception cref="ArgumentException">The timeline's scale has no level <paramref name="levelCode"/>.</exception>
    public RiskLevelExpectation HaveLevel(string levelCode)
    {
        Guard.NotNull(levelCode);
        var scale = Actual().Scale;
        if (scale.TryGetLevel(levelCode, out var level) || (levelCode == "None" && !scale.Defines(RiskLevel.None)))
        {
            return new RiskLevelExpectation(this, level);
        }

        throw new ArgumentException($"The scale {scale.Id} has no level '{levelCode}'; it has {string.Join(", ", scale.Levels.Select(l => l.Code))}.", nameof(levelCode));
    }

    /// <summary>Starts an assertion on a level; finish it with <see cref="RiskLevelExpectation.On"/> or <see cref="RiskLevelExpectation.Throughout(ZoneId, LocalDate, LocalDate, string, object[])"/>.</summary>
    /// <param name="level">The level.</param>
    /// <returns>The expectation; nothing is asserted until it is finished.</returns>
    public RiskLevelExpectation HaveLevel(RiskLevel level) => new(this, level);

    /// <summary>Asserts that a zone's level on a day rests on insufficient data (<see cref="RiskAssessmentOutcome.InsufficientData"/>).</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The day.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>Assertions on the day's assessment, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the timeline's tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the timeline's interval.</exception>
    [CustomAssertion]
    public RiskAssessmentAssertions HaveInsufficientDataOn(ZoneId zone, LocalDate date, string because = "", params object[] becauseArgs)
    {
        var a = Actual().At(zone, date);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(a.Outcome == RiskAssessmentOutcome.InsufficientData)
            .FailWith("Expected " + Where(zone, date) + " to rest on insufficient data{reason}, but it was " + Describe(a) + ".");
        return new RiskAssessmentAssertions(a);
    }

    /// <summary>
    /// Asserts that a zone steps down on a day: its level that day is decided and lower than the day before. The message
    /// of a failure gives the earliest step-down the day before announced.
    /// </summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The first day at the lower level; the day before must be in the timeline's interval.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>Assertions on the day's assessment, to chain on (e.g. <c>.WithReason(RiskReasonCodes.SteppedDown)</c>).</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the timeline's tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> or the day before is outside the timeline's interval.</exception>
    [CustomAssertion]
    public RiskAssessmentAssertions StepDownOn(ZoneId zone, LocalDate date, string because = "", params object[] becauseArgs)
    {
        var before = Actual().At(zone, date.PlusDays(-1));
        var a = Subject.At(zone, date);
        var scheduled = before.EarliestStepDown is { } s ? "the day before announced the earliest step-down for " + Text.Date(s) : "the day before announced no step-down";
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(a.Outcome == RiskAssessmentOutcome.Determined && before.Outcome == RiskAssessmentOutcome.Determined && a.Level < before.Level)
            .FailWith("Expected " + Where(zone, date) + " to step down from " + Text.Safe(before.LevelDefinition.Code) + "{reason}, but it was "
                + Describe(a) + ", after " + Describe(before) + " (" + scheduled + ").");
        return new RiskAssessmentAssertions(a);
    }

    /// <summary>Fails (with FluentAssertions) when the timeline is null; returns it otherwise.</summary>
    [CustomAssertion]
    internal RiskTimeline Actual()
    {
        Execute.Assertion.ForCondition(Subject is not null).FailWith("Expected a timeline, but found <null>.");
        return Subject!;
    }

    internal static string Where(ZoneId zone, LocalDate date) => "zone " + Text.Safe(zone.Value) + " on " + Text.Date(date);

    /// <summary>Describes an assessment by its codes: <c>Medium (SteppedDown [risk-areas], since 2022-07-09)</c>.</summary>
    internal static string Describe(RiskAssessment a)
    {
        var text = a.LevelDefinition.Code;
        var details = new List<string>();
        if (a.Outcome == RiskAssessmentOutcome.InsufficientData)
        {
            details.Add("insufficient data");
        }

        if (a.Reason is not null)
        {
            details.Add(a.Reason.ToString());
        }

        if (a.Since is { } since)
        {
            details.Add("since " + Text.Date(since));
        }

        if (!a.SetBy.IsEmpty && a.SetBy != a.Zone)
        {
            details.Add("set by " + a.SetBy.Value);
        }

        if (a.EarliestStepDown is { } down)
        {
            details.Add("earliest step-down " + Text.Date(down));
        }

        return Text.Safe(details.Count == 0 ? text : text + " (" + string.Join(", ", details) + ")");
    }
}

/// <summary>A level expected of a <see cref="RiskTimeline"/>, to be checked on a zone and a day (<see cref="On"/>) or a range of days (<see cref="Throughout(ZoneId, LocalDate, LocalDate, string, object[])"/>).</summary>
/// <remarks>The level must be decided (<see cref="RiskAssessmentOutcome.Determined"/>); use <see cref="RiskTimelineAssertions.HaveInsufficientDataOn"/> for the other outcome.</remarks>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class RiskLevelExpectation
{
    private readonly RiskTimelineAssertions _parent;

    internal RiskLevelExpectation(RiskTimelineAssertions parent, RiskLevel level)
    {
        _parent = parent;
        Level = level;
    }

    /// <summary>Gets the level expected.</summary>
    public RiskLevel Level { get; }

    /// <summary>Asserts that the zone has the level on the day.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="date">The day.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>Assertions on the day's assessment, to chain on (reason, since, earliest step-down).</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the timeline's tree.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="date"/> is outside the timeline's interval.</exception>
    [CustomAssertion]
    public RiskAssessmentAssertions On(ZoneId zone, LocalDate date, string because = "", params object[] becauseArgs)
    {
        var timeline = _parent.Actual();
        var a = timeline.At(zone, date);
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(a.Level == Level && a.Outcome == RiskAssessmentOutcome.Determined)
            .FailWith("Expected " + RiskTimelineAssertions.Where(zone, date) + " to be " + Code(timeline) + "{reason}, but it was " + RiskTimelineAssertions.Describe(a) + ".");
        return new RiskAssessmentAssertions(a);
    }

    /// <summary>Asserts that the zone has the level on every day from <paramref name="from"/> to <paramref name="until"/>, inclusive; a failure lists every run of days that differ.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="from">The first day.</param>
    /// <param name="until">The last day (inclusive).</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The timeline's assertions, to chain on.</returns>
    /// <exception cref="ArgumentException"><paramref name="zone"/> is not in the timeline's tree, or <paramref name="until"/> is before <paramref name="from"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is outside the timeline's interval.</exception>
    [CustomAssertion]
    public AndConstraint<RiskTimelineAssertions> Throughout(ZoneId zone, LocalDate from, LocalDate until, string because = "", params object[] becauseArgs)
    {
        if (until < from)
        {
            throw new ArgumentException($"The last day ({Text.Date(until)}) is before the first ({Text.Date(from)}).", nameof(until));
        }

        var timeline = _parent.Actual();
        var runs = new List<string>();
        string? run = null;
        LocalDate runStart = from, runEnd = from;
        for (var date = from; date <= until; date = date.PlusDays(1))
        {
            var a = timeline.At(zone, date);
            var ok = a.Level == Level && a.Outcome == RiskAssessmentOutcome.Determined;
            var state = ok ? null : a.LevelDefinition.Code + (a.Outcome == RiskAssessmentOutcome.InsufficientData ? " (insufficient data)" : string.Empty) + (a.Reason is null ? string.Empty : " (" + a.Reason.Code + ")");
            if (state != run || date != runEnd.PlusDays(1))
            {
                Flush();
                run = state;
                runStart = date;
            }

            runEnd = date;
        }

        Flush();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(runs.Count == 0)
            .FailWith("Expected zone " + Text.Safe(zone.Value) + " to be " + Code(timeline) + " from " + Text.Date(from) + " to " + Text.Date(until) + "{reason}, but it was "
                + Text.Safe(string.Join("; ", runs)) + ".");
        return new AndConstraint<RiskTimelineAssertions>(_parent);

        void Flush()
        {
            if (run is not null)
            {
                runs.Add(run + (runStart == runEnd ? " on " + Text.Date(runStart) : " from " + Text.Date(runStart) + " to " + Text.Date(runEnd)));
            }
        }
    }

    /// <summary>Asserts that the zone has the level on every day of an interval.</summary>
    /// <param name="zone">The zone.</param>
    /// <param name="days">The days.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>The timeline's assertions, to chain on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="days"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A day is outside the timeline's interval.</exception>
    [CustomAssertion]
    public AndConstraint<RiskTimelineAssertions> Throughout(ZoneId zone, DateInterval days, string because = "", params object[] becauseArgs)
        => Throughout(zone, Guard.NotNull(days).Start, days.End, because, becauseArgs);

    private string Code(RiskTimeline timeline) => Text.Safe(timeline.Scale.Describe(Level).Code);
}

/// <summary>FluentAssertions for one <see cref="RiskAssessment"/>: its reason, since when, which zone set it, its earliest step-down.</summary>
/// <threadsafety static="true" instance="false"/>
[DebuggerNonUserCode]
public sealed class RiskAssessmentAssertions : ReferenceTypeAssertions<RiskAssessment, RiskAssessmentAssertions>
{
    /// <summary>Creates the assertions for an assessment (use <c>assessment.Should()</c>).</summary>
    /// <param name="subject">The assessment.</param>
    public RiskAssessmentAssertions(RiskAssessment subject)
        : base(subject)
    {
    }

    /// <inheritdoc/>
    protected override string Identifier => "assessment";

    /// <summary>Asserts the reason's code, e.g. <see cref="RiskReasonCodes.SteppedDown"/>.</summary>
    /// <param name="code">The code expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    [CustomAssertion]
    public RiskAssessmentAssertions WithReason(string code, string because = "", params object[] becauseArgs)
    {
        Guard.NotNull(code);
        NotNullSubject();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(string.Equals(Subject.Reason?.Code, code, StringComparison.Ordinal))
            .FailWith("Expected " + RiskTimelineAssertions.Where(Subject.Zone, Subject.Date) + " to have reason " + Text.Safe(code) + "{reason}, but it was " + RiskTimelineAssertions.Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts the first day of the designation that sets the level.</summary>
    /// <param name="since">The day expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public RiskAssessmentAssertions Since(LocalDate since, string because = "", params object[] becauseArgs)
    {
        NotNullSubject();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.Since == since)
            .FailWith("Expected " + RiskTimelineAssertions.Where(Subject.Zone, Subject.Date) + " to be at its level since " + Text.Date(since) + "{reason}, but it was " + RiskTimelineAssertions.Describe(Subject) + ".");
        return this;
    }

    /// <summary>Asserts which zone's designation sets the level (the zone itself, an ancestor, or its county-level unit).</summary>
    /// <param name="zone">The zone expected.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public RiskAssessmentAssertions SetBy(ZoneId zone, string because = "", params object[] becauseArgs)
    {
        NotNullSubject();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.SetBy == zone)
            .FailWith("Expected " + RiskTimelineAssertions.Where(Subject.Zone, Subject.Date) + " to be set by zone " + Text.Safe(zone.Value) + "{reason}, but it was "
                + RiskTimelineAssertions.Describe(Subject) + (Subject.SetBy.IsEmpty ? ", set by no zone" : ", set by " + Text.Safe(Subject.SetBy.Value)) + ".");
        return this;
    }

    /// <summary>Asserts the earliest date the level can step down if nothing new happens; null for "no step-down scheduled".</summary>
    /// <param name="date">The day expected, or null.</param>
    /// <param name="because">A phrase explaining why the assertion is needed.</param>
    /// <param name="becauseArgs">Values for the placeholders in <paramref name="because"/>.</param>
    /// <returns>These assertions, to chain on.</returns>
    [CustomAssertion]
    public RiskAssessmentAssertions WithEarliestStepDown(LocalDate? date, string because = "", params object[] becauseArgs)
    {
        NotNullSubject();
        Execute.Assertion.BecauseOf(because, becauseArgs)
            .ForCondition(Subject.EarliestStepDown == date)
            .FailWith("Expected " + RiskTimelineAssertions.Where(Subject.Zone, Subject.Date) + " to have " + (date is { } d ? "its earliest step-down on " + Text.Date(d) : "no step-down scheduled")
                + "{reason}, but it was " + RiskTimelineAssertions.Describe(Subject) + (Subject.EarliestStepDown is null ? " with no step-down scheduled" : string.Empty) + ".");
        return this;
    }

    [CustomAssertion]
    private void NotNullSubject() => Execute.Assertion.ForCondition(Subject is not null).FailWith("Expected an assessment, but found <null>.");
}
