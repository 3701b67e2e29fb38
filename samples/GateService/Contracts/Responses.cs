using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Risk;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Samples.GateService.Contracts;

/// <summary>A risk level: its code on the edition's scale and its names.</summary>
public sealed record LevelResponse(string Code, string NameZh, string NameEn)
{
    public static LevelResponse Of(RiskScale scale, RiskLevel level)
    {
        var definition = scale.Describe(level);
        return new LevelResponse(definition.Code, definition.NameZh, definition.NameEn);
    }
}

/// <summary>A text in Chinese (zh-CN) and English.</summary>
public sealed record LocalizedResponse(string Zh, string En);

/// <summary>One explained part of a decision: a stable code, and its message in both languages (wording may change).</summary>
public sealed record DecisionMessageResponse(AccessMessageKind Kind, string Code, string Zh, string En);

/// <summary>The response of <c>POST /access/evaluate</c>.</summary>
public sealed record AccessDecisionResponse(
    AccessOutcome Outcome,
    bool Allowed,
    LevelResponse Level,
    bool LevelRestsOnInsufficientData,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Obligations,
    IReadOnlyList<string> MissingPermissions,
    IReadOnlyList<string> EscalateTo,
    IReadOnlyList<DecisionMessageResponse> Messages,
    LocalizedResponse Summary,
    bool OutingRecorded)
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static AccessDecisionResponse From(AccessDecision decision, RiskSnapshot snapshot, int zoneIndex, bool recorded)
    {
        var zh = decision.Explain(Chinese);
        var en = decision.Explain(English);
        var messages = zh.Zip(en, (z, e) => new DecisionMessageResponse(z.Kind, z.Code, z.Text, e.Text)).ToArray();
        return new AccessDecisionResponse(
            decision.Outcome,
            decision.IsAllowed,
            LevelResponse.Of(snapshot.Scale, decision.Level),
            snapshot.IsInsufficientDataAt(zoneIndex),
            FlagNames(decision.Reasons),
            FlagNames(decision.Obligations),
            FlagNames(decision.MissingPermissions),
            FlagNames(decision.EscalateTo),
            messages,
            new LocalizedResponse(decision.Describe(Chinese), decision.Describe(English)),
            recorded && decision.IsAllowed && decision.Requires(AccessObligations.RecordOuting));
    }

    /// <summary>The names of the single flags set in a flags value, e.g. <c>["Register", "Remeasure"]</c>.</summary>
    private static string[] FlagNames<T>(T value)
        where T : struct, Enum
        => Enum.GetValues<T>()
            .Where(flag => Convert.ToUInt64(flag, CultureInfo.InvariantCulture) is var bits && bits != 0 && (bits & (bits - 1)) == 0 && value.HasFlag(flag))
            .Select(flag => flag.ToString())
            .ToArray();
}

/// <summary>Why a zone is at its level: the rule, and the case (its id redacted: a prefix and a short keyed hash), value or zone that set it.</summary>
public sealed record RiskReasonResponse(string Code, string RuleId, string? CaseId, string? Zone, string? Metric, double? Value, LocalDate? EvidenceDate, string? Detail)
{
    public static RiskReasonResponse? From(RiskReason? reason) => reason is null
        ? null
        : new RiskReasonResponse(reason.Code, reason.RuleId, reason.RedactedCaseId, reason.Zone.IsEmpty ? null : reason.Zone.Value, reason.Metric, reason.Value, reason.EvidenceDate, reason.Detail);
}

/// <summary>The response of <c>GET /zones/{id}/risk</c>.</summary>
public sealed record ZoneRiskResponse(
    string Zone,
    string Name,
    ZoneKind Kind,
    LocalDate Date,
    string Edition,
    string Scale,
    LevelResponse Level,
    RiskAssessmentOutcome Outcome,
    LocalDate? Since,
    RiskReasonResponse? Reason,
    string? SetBy,
    LocalDate? EarliestStepDown)
{
    public static ZoneRiskResponse From(RiskAssessment assessment, Zone zone, string edition) => new(
        assessment.Zone.Value,
        zone.Name,
        zone.Kind,
        assessment.Date,
        edition,
        assessment.Scale.Id,
        LevelResponse.Of(assessment.Scale, assessment.Level),
        assessment.Outcome,
        assessment.Since,
        RiskReasonResponse.From(assessment.Reason),
        assessment.SetBy.IsEmpty ? null : assessment.SetBy.Value,
        assessment.EarliestStepDown);
}

/// <summary>Totals of a staffing plan, or of a part of it. People are person-shifts.</summary>
public sealed record StaffingTotalsResponse(long RequiredPeople, double RequiredPersonHours, long AssignedPeople, double AssignedPersonHours, long GapPeople, double GapPersonHours)
{
    public static StaffingTotalsResponse From(StaffingTotals totals) => new(
        totals.RequiredPeople, totals.RequiredPersonHours, totals.AssignedPeople, totals.AssignedPersonHours, totals.GapPeople, totals.GapPersonHours);
}

/// <summary>One day of a plan: its totals, and the totals of each role needed that day.</summary>
public sealed record StaffingDayResponse(LocalDate Date, IReadOnlyList<LevelCountResponse> Levels, StaffingTotalsResponse Totals, IReadOnlyDictionary<string, StaffingTotalsResponse> Roles);

/// <summary>How many planning units are at a level on a day.</summary>
public sealed record LevelCountResponse(string Code, int Units);

/// <summary>A line of the plan with a gap, and the planner's explanation of it.</summary>
public sealed record StaffingGapResponse(
    LocalDate Date,
    string Shift,
    string Zone,
    StaffingRole Role,
    string Level,
    int RequiredPeople,
    int AssignedPeople,
    int GapPeople,
    double GapPersonHours,
    string Explanation);

/// <summary>The response of <c>GET /staffing/plan</c>.</summary>
public sealed record StaffingPlanResponse(
    string Edition,
    LocalDate From,
    LocalDate Through,
    int WorkforceSize,
    StaffingTotalsResponse Totals,
    IReadOnlyList<StaffingDayResponse> Days,
    IReadOnlyList<StaffingGapResponse> Gaps);

/// <summary>The response of <c>GET /health</c>.</summary>
public sealed record HealthResponse(string Status, string Edition);
