using System;
using System.Text;

namespace CommunityControl.Serialization;

/// <summary>
/// Keeps document text quoted in a problem short: a quoted name or value is cut to 64 characters and "…", so that a
/// document with a 50 MB property name cannot make a 100-million-character message.
/// </summary>
internal static class DocumentText
{
    /// <summary>The most characters of document text a message quotes.</summary>
    public const int MaxQuoted = 64;

    /// <summary>The most characters of a problem's message or path, whatever it quotes.</summary>
    public const int MaxMessage = 600;

    /// <summary>Cuts <paramref name="text"/> to <see cref="MaxQuoted"/> characters and "…".</summary>
    public static string Shorten(string text) => text.Length <= MaxQuoted ? text : Cut(text, MaxQuoted) + "…";

    /// <summary>Cuts every property name of a JSON path to <see cref="MaxQuoted"/> characters, and the whole path to <see cref="MaxMessage"/>.</summary>
    public static string ShortenPath(string path)
    {
        if (path.Length <= MaxQuoted)
        {
            return path;
        }

        var sb = new StringBuilder(Math.Min(path.Length, MaxMessage + 1));
        var segmentStart = 0;
        for (var i = 0; i <= path.Length && sb.Length <= MaxMessage; i++)
        {
            if (i == path.Length || ((path[i] == '.' || path[i] == '[') && i > segmentStart))
            {
                var segment = path.Substring(segmentStart, i - segmentStart);
                sb.Append(segment.Length <= MaxQuoted + 1 ? segment : Cut(segment, MaxQuoted + 1) + "…");
                segmentStart = i;
            }
        }

        return sb.Length <= MaxMessage ? sb.ToString() : Cut(sb.ToString(), MaxMessage) + "…";
    }

    /// <summary>
    /// Bounds a message longer than <see cref="MaxMessage"/>: text between single quotes longer than
    /// <see cref="MaxQuoted"/> is cut (the serializer's messages quote property names in full), then the whole message.
    /// </summary>
    public static string BoundMessage(string message)
    {
        if (message.Length <= MaxMessage)
        {
            return message;
        }

        var sb = new StringBuilder(Math.Min(message.Length, MaxMessage + 1));
        var i = 0;
        while (i < message.Length && sb.Length <= MaxMessage)
        {
            var open = message.IndexOf('\'', i);
            if (open < 0)
            {
                sb.Append(message, i, Math.Min(message.Length - i, MaxMessage + 1));
                break;
            }

            sb.Append(message, i, Math.Min(open + 1 - i, MaxMessage + 1));
            var close = message.IndexOf('\'', open + 1);
            var end = close < 0 ? message.Length : close;
            var quoted = end - open - 1;
            if (quoted > MaxQuoted)
            {
                sb.Append(Cut(message.Substring(open + 1, MaxQuoted + 1), MaxQuoted)).Append('…');
            }
            else
            {
                sb.Append(message, open + 1, quoted);
            }

            if (close < 0)
            {
                break;
            }

            sb.Append('\'');
            i = close + 1;
        }

        return sb.Length <= MaxMessage ? sb.ToString() : Cut(sb.ToString(), MaxMessage) + "…";
    }

    /// <summary>The first <paramref name="length"/> characters, not splitting a surrogate pair.</summary>
    private static string Cut(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text.Substring(0, length);
    }
}
