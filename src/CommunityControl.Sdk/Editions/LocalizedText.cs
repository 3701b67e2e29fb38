namespace CommunityControl.Editions;

/// <summary>A text in Chinese (zh-CN) and English.</summary>
/// <param name="Zh">The Chinese text.</param>
/// <param name="En">The English text.</param>
public sealed record LocalizedText(string Zh, string En);
