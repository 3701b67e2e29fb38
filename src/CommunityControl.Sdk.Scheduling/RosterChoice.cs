namespace CommunityControl.Scheduling;

/// <summary>A roster in the terms of a <see cref="RosterModel"/>: who works each slot, and how many of each home class go to each of its posts.</summary>
/// <param name="Work">Per slot, per eligible candidate: works in the slot.</param>
/// <param name="Flow">Per slot, the workers of each home class (rows) placed at each post (columns).</param>
internal sealed record RosterChoice(bool[][] Work, int[][,] Flow);
