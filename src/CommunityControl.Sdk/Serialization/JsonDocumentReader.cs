using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace CommunityControl.Serialization;

/// <summary>
/// Shared plumbing for reading a document: bytes from a string or a stream within
/// <see cref="DocumentLimits.MaxDocumentBytes"/>, the strict pre-pass (<see cref="StrictJson"/>), deserializing with a
/// source-generated contract, and the one "problems → lines → exception" step (<see cref="ProblemReport"/>).
/// </summary>
internal static class JsonDocumentReader
{
    private const int Chunk = 81_920;

    /// <summary>Runs the strict pre-pass; returns the bytes to deserialize.</summary>
    /// <exception cref="DocumentFormatException">The document breaks a rule of the pre-pass.</exception>
    public static ReadOnlySpan<byte> Check(ReadOnlySpan<byte> utf8, string documentKind, Limits limits)
        => StrictJson.Check(utf8, documentKind, limits);

    /// <summary>Deserializes <paramref name="utf8"/>; throws <see cref="DocumentFormatException"/> on any parser or shape error.</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, string documentKind, in Limits limits)
        where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize(utf8, typeInfo);
            if (value is not null)
            {
                return value;
            }
        }
        catch (JsonException ex)
        {
            var report = new ProblemReport(documentKind, limits);
            report.AddAtLine(ex.Path ?? "$", ex.LineNumber is { } l ? l + 1 : null, CleanMessage(ex));
            throw report.ToException(utf8, ex);
        }

        var empty = new ProblemReport(documentKind, limits);
        empty.AddAtLine("$", 1, "The document is the JSON value null.");
        throw empty.ToException(utf8);
    }

    /// <summary>Deserializes with the default limits (a document already checked, or written by the library).</summary>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8, JsonTypeInfo<T> typeInfo, string documentKind)
        where T : class
        => Deserialize(utf8, typeInfo, documentKind, Limits.Default);

    /// <summary>The one exception of a document with problems found by path: every line in one pass, document order, bounded.</summary>
    public static DocumentFormatException Fail(string documentKind, ReadOnlySpan<byte> utf8, IEnumerable<(string Path, string Message)> problems, in Limits limits)
    {
        var report = new ProblemReport(documentKind, limits);
        report.AddRange(problems);
        return report.ToException(utf8);
    }

    /// <summary>
    /// Reads a stream to its end into UTF-8 bytes, in chunks, stopping at <see cref="Limits.MaxDocumentBytes"/>: a longer
    /// stream is a problem, never an <see cref="IOException"/> or an <see cref="OutOfMemoryException"/> of a huge buffer.
    /// </summary>
    /// <exception cref="DocumentFormatException">The stream holds more than the limit.</exception>
    public static byte[] ReadAll(Stream stream, string documentKind, in Limits limits)
    {
        var max = limits.MaxDocumentBytes;
        if (stream.CanSeek && stream.Length - stream.Position > max)
        {
            throw StrictJson.TooLarge(documentKind, limits);
        }

        if (stream is MemoryStream ms && ms.TryGetBuffer(out var segment))
        {
            var remaining = segment.AsSpan((int)ms.Position);
            ms.Position = ms.Length;
            return remaining.ToArray();
        }

        var buffer = new byte[stream.CanSeek ? (int)Math.Max(0, Math.Min(stream.Length - stream.Position, max)) + 1 : Math.Min(Chunk, max + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > max)
                {
                    throw StrictJson.TooLarge(documentKind, limits);
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, (long)max + 1));
            }

            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read <= 0)
            {
                break;
            }

            length += read;
        }

        if (length > max)
        {
            throw StrictJson.TooLarge(documentKind, limits);
        }

        Array.Resize(ref buffer, length);
        return buffer;
    }

    /// <summary>Encodes a string as UTF-8, within <see cref="Limits.MaxDocumentBytes"/>.</summary>
    /// <exception cref="DocumentFormatException">The string's UTF-8 form is larger than the limit.</exception>
    public static byte[] Utf8(string json, string documentKind, in Limits limits)
    {
        if (json.Length > limits.MaxDocumentBytes)
        {
            throw StrictJson.TooLarge(documentKind, limits);
        }

        var bytes = Encoding.UTF8.GetBytes(json);
        return bytes.Length > limits.MaxDocumentBytes ? throw StrictJson.TooLarge(documentKind, limits) : bytes;
    }

    /// <summary>Encodes a string as UTF-8.</summary>
    public static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static string CleanMessage(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut > 0)
        {
            message = message.Substring(0, cut);
        }

        if (ex.InnerException is { } inner && !string.IsNullOrEmpty(inner.Message) && !message.Contains(inner.Message))
        {
            message += " " + inner.Message;
        }

        return message;
    }
}
