namespace CommunityControl.Risk;

/// <summary>The stable codes of <see cref="RiskReason.Code"/> used by the built-in rules. Codes never change meaning.</summary>
/// <threadsafety static="true" instance="true"/>
public static class RiskReasonCodes
{
    /// <summary>The zone is the residence (at the drawing unit) of an infection.</summary>
    public const string ResidenceOfCase = "ResidenceOfCase";

    /// <summary>The zone is a work or activity place where an infected person stayed.</summary>
    public const string ActivityPlaceOfCase = "ActivityPlaceOfCase";

    /// <summary>The zone is a frequently visited, high-risk activity place of an infected person.</summary>
    public const string HighRiskActivityPlace = "HighRiskActivityPlace";

    /// <summary>The zone stepped down a ladder after enough days without a new infection (and a negative screening round where required).</summary>
    public const string SteppedDown = "SteppedDown";

    /// <summary>The zone's designation was lifted: it is no longer a risk zone.</summary>
    public const string DesignationLifted = "DesignationLifted";

    /// <summary>The zone waits for an all-negative screening round before it may step down.</summary>
    public const string AwaitingScreening = "AwaitingScreening";

    /// <summary>An infection's residence or place is known only at a zone larger than the edition's drawing unit.</summary>
    public const string ZoneCoarserThanDrawingUnit = "ZoneCoarserThanDrawingUnit";

    /// <summary>A row of a count threshold table matched.</summary>
    public const string CountThreshold = "CountThreshold";

    /// <summary>An indicator value fell in a level's band.</summary>
    public const string IndicatorBand = "IndicatorBand";

    /// <summary>A threshold was exceeded on enough consecutive days: the level is in force.</summary>
    public const string ThresholdExceeded = "ThresholdExceeded";

    /// <summary>The indicator stayed under the threshold on enough consecutive days: the level lapsed.</summary>
    public const string ThresholdUndercut = "ThresholdUndercut";

    /// <summary>No threshold is in force.</summary>
    public const string BelowThresholds = "BelowThresholds";

    /// <summary>The compound was certified epidemic-free (or restored).</summary>
    public const string Certified = "Certified";

    /// <summary>A certified compound's status was suspended by a new suspicion.</summary>
    public const string Suspended = "Suspended";

    /// <summary>A certified or suspended compound's status was revoked by a confirmed case.</summary>
    public const string Revoked = "Revoked";

    /// <summary>The compound is not (yet) certified.</summary>
    public const string NotCertified = "NotCertified";

    /// <summary>The zone has a risk zone inside its county-level unit, so the rest of it is at the baseline level (e.g. Low).</summary>
    public const string CountyBaseline = "CountyBaseline";

    /// <summary>No risk zone is left in the county-level unit: it is back to normal (常态化).</summary>
    public const string NoRiskZoneLeft = "NoRiskZoneLeft";

    /// <summary>The zone takes the highest level of its parts (e.g. a city's urban area, the highest of its districts).</summary>
    public const string HighestOfParts = "HighestOfParts";

    /// <summary>Insufficient data: an indicator value the rule needs was not published.</summary>
    public const string MissingIndicator = "MissingIndicator";

    /// <summary>Insufficient data: the history does not cover the date.</summary>
    public const string DateNotCovered = "DateNotCovered";

    /// <summary>Insufficient data: the rule counts working days and no holiday calendar was given.</summary>
    public const string HolidayCalendarMissing = "HolidayCalendarMissing";

    /// <summary>A cell of a grade matrix set the level: the area's grade (the evidence zone) and the zone's own grade (the detail).</summary>
    public const string GradeMatrixCell = "GradeMatrixCell";

    /// <summary>Insufficient data: the edition leaves the pair of the area's grade and the zone's grade open (its source does not say), or no area of the matrix's kind encloses the zone.</summary>
    public const string GradeMatrixOpenCell = "GradeMatrixOpenCell";
}
