namespace CommunityControl.Risk;

/// <summary>One cell of a <see cref="GradeMatrixOptions"/>: an area level and a zone level, and the policy's level they give.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class GradeMatrixCellOptions
{
    /// <summary>Gets or sets the code of the area's level on <see cref="GradeMatrixOptions.AreaScale"/>, e.g. <c>High</c> (the scale's zero, e.g. <c>Normal</c>, is allowed). Required.</summary>
    public string? Area { get; set; }

    /// <summary>Gets or sets the code of the zone's level on <see cref="GradeMatrixOptions.ZoneScale"/>, e.g. <c>Transmission</c> (the scale's zero is allowed). Required.</summary>
    public string? Zone { get; set; }

    /// <summary>Gets or sets the code of the level on the policy's scale the zone takes, e.g. <c>HighTransmission</c>. Required.</summary>
    public string? Level { get; set; }
}
