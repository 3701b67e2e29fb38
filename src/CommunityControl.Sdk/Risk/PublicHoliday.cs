using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Risk;

/// <summary>One public holiday: a date, and the zone it applies to (and everything below it), or everywhere.</summary>
/// <threadsafety static="true" instance="true">Immutable once created.</threadsafety>
public sealed class PublicHoliday
{
    /// <summary>Gets the local date.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>Gets the zone the holiday applies to, with its subtree (e.g. a federal state); empty for everywhere.</summary>
    public ZoneId Scope { get; init; }

    /// <summary>Gets the holiday's name, e.g. <c>Tag der Arbeit</c>.</summary>
    public string? Name { get; init; }

    /// <summary>Returns the date, scope and name.</summary>
    /// <returns>E.g. <c>2021-05-01 (everywhere) Tag der Arbeit</c>.</returns>
    public override string ToString() => $"{Date:uuuu'-'MM'-'dd} ({(Scope.IsEmpty ? "everywhere" : Scope.Value)}) {Name}".TrimEnd();
}
