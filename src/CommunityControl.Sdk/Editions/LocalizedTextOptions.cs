namespace CommunityControl.Editions;

/// <summary>A text in Chinese and English.</summary>
/// <threadsafety static="true" instance="false">A mutable DTO: fill it on one thread, then create the immutable model from it.</threadsafety>
public sealed class LocalizedTextOptions
{
    /// <summary>Gets or sets the Chinese (zh-CN) text. Required.</summary>
    public string? Zh { get; set; }

    /// <summary>Gets or sets the English text. Required.</summary>
    public string? En { get; set; }
}
