namespace CommunityControl.Risk;

/// <summary>One level of a custom scale.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class RiskLevelOptions
{
    /// <summary>Gets or sets the severity, 0–15, strictly increasing along the list. Required.</summary>
    public int? Severity { get; set; }

    /// <summary>Gets or sets the stable PascalCase code. Required.</summary>
    public string? Code { get; set; }

    /// <summary>Gets or sets the Chinese name. Required.</summary>
    public string? NameZh { get; set; }

    /// <summary>Gets or sets the English name. Required.</summary>
    public string? NameEn { get; set; }
}
