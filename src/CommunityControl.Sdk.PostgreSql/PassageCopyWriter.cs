using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Numerics;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CommunityControl.Records;
using NodaTime;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>
/// Writes passages to a <c>COPY … FROM STDIN (FORMAT BINARY)</c> as PostgreSQL's binary copy format, encoded straight
/// into one buffer that is sent whenever it fills (Npgsql's raw copy stream), instead of one importer call per field.
/// </summary>
/// <remarks>
/// The format is PostgreSQL's (<c>COPY</c>, "Binary Format": the signature, flags and header extension, then per row
/// the field count and each field's length, -1 for null, and bytes, then -1 as the trailer). Each value is encoded as
/// Npgsql encodes its parameter of the same type, so a record copied here and one appended by a parameterised statement
/// are stored alike: text as strict UTF-8, integers and doubles big-endian, an instant as microseconds since
/// 2000-01-01 UTC truncated toward zero, <see cref="Instant.MaxValue"/> and <see cref="Instant.MinValue"/> as
/// infinity unless Npgsql's <c>Npgsql.DisableDateTimeInfinityConversions</c> switch is on (NodaTime plugin).
/// Not thread-safe: one writer serves one COPY on one connection.
/// </remarks>
internal sealed class PassageCopyWriter : IDisposable
{
    private const int Capacity = 1 << 16;

    // "PGCOPY\n\377\r\n\0", then the flags (0: no OIDs) and the header extension's length (0).
    private static ReadOnlySpan<byte> Header => [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static readonly UTF8Encoding Utf8 = new(false, true);
    private static readonly Instant Instant2000 = Instant.FromUtc(2000, 1, 1, 0, 0);
    private static readonly Duration Within292Years = Duration.FromDays(292 * 365);
    private static readonly bool InfinityConversions =
        !(AppContext.TryGetSwitch("Npgsql.DisableDateTimeInfinityConversions", out var disabled) && disabled);

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _length;

    private PassageCopyWriter(Stream stream)
    {
        _stream = stream;
        _buffer = ArrayPool<byte>.Shared.Rent(Capacity);
        Header.CopyTo(_buffer);
        _length = Header.Length;
    }

    /// <summary>
    /// Copies passages into a table: the columns of <paramref name="copy"/> must be, in order, the ordinal (when
    /// <paramref name="ordinal"/>) and then the passage's seventeen columns as <see cref="WriteRow"/> writes them.
    /// </summary>
    public static async Task CopyPassagesAsync(NpgsqlConnection connection, string copy, List<PassageRecord> records, bool ordinal, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken).ConfigureAwait(false);
        using var writer = new PassageCopyWriter(stream);
        try
        {
            for (var i = 0; i < records.Count; i++)
            {
                await writer.MakeRoomAsync(RowBound(records[i]), cancellationToken).ConfigureAwait(false);
                writer.WriteRow(records[i], ordinal ? i : -1);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await AbandonAsync(stream).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Copies the keys of passages with their instants and gates (three columns: text, timestamptz, text), taking the
    /// passages in the order <paramref name="order"/> gives (positions in <paramref name="records"/>).
    /// </summary>
    public static async Task CopyKeysAsync(NpgsqlConnection connection, string copy, List<PassageRecord> records, int[] order, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken).ConfigureAwait(false);
        using var writer = new PassageCopyWriter(stream);
        try
        {
            foreach (var i in order)
            {
                var r = records[i];
                await writer.MakeRoomAsync(2 + 4 + 4 + 8 + 4 + Utf8.GetMaxByteCount(r.IdempotencyKey.Length + r.Gate.Value.Length), cancellationToken).ConfigureAwait(false);
                writer.FieldCount(3);
                writer.Text(r.IdempotencyKey);
                writer.Timestamp(r.At);
                writer.Text(r.Gate.Value);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception)
        {
            await AbandonAsync(stream).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Returns the buffer to the pool.</summary>
    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The encoding of an instant as a <c>timestamptz</c>, as Npgsql's NodaTime plugin writes it.</summary>
    internal static long EncodeInstant(Instant instant)
    {
        if (InfinityConversions)
        {
            if (instant == Instant.MaxValue)
            {
                return long.MaxValue;
            }

            if (instant == Instant.MinValue)
            {
                return long.MinValue;
            }
        }

        var since2000 = instant - Instant2000;
        return since2000 >= -Within292Years && since2000 <= Within292Years
            ? since2000.ToInt64Nanoseconds() / 1000
            : (long)(since2000.ToBigIntegerNanoseconds() / 1000);
    }

    // The most bytes a row can take: its field count, each field's length and the longest encoding of each text.
    private static int RowBound(PassageRecord r) =>
        2 + (18 * 4) + (8 * 9) + Utf8.GetMaxByteCount(
            r.IdempotencyKey.Length + r.Gate.Value.Length + r.Person.Value.Length + (r.Household.IsEmpty ? 0 : r.Household.Value.Length) +
            (r.PassId?.Length ?? 0) + (r.Device?.Length ?? 0));

    // The COPY failed or was cancelled part-way: tell the server to discard it (the caller's transaction rolls back).
    // A COPY the server already ended (its error was thrown when it was completed) is left as it is.
    private static async Task AbandonAsync(NpgsqlRawCopyStream stream)
    {
        try
        {
            await stream.CancelAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is NpgsqlException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The connection is broken or the COPY already ended: the original exception tells what happened.
        }

        await stream.DisposeAsync().ConfigureAwait(false);
    }

    private void WriteRow(PassageRecord r, long ordinal)
    {
        FieldCount(ordinal >= 0 ? (short)18 : (short)17);
        if (ordinal >= 0)
        {
            Int64(ordinal);
        }

        Text(r.IdempotencyKey);
        Text(r.Gate.Value);
        Timestamp(r.At);
        Text(r.Person.Value);
        NullableText(r.Household.IsEmpty ? null : r.Household.Value);
        Int16((short)r.Direction);
        Int16((short)r.Category);
        if (r.TemperatureCelsius is { } t)
        {
            Length(8);
            BinaryPrimitives.WriteDoubleBigEndian(_buffer.AsSpan(_length), t);
            _length += 8;
        }
        else
        {
            Length(-1);
        }

        Int16((short)r.HealthCode);
        NullableText(r.PassId);
        Int16((short)r.Outcome);
        Int64((long)r.Reasons);
        Int32((int)r.Obligations);
        Int32((int)r.MissingPermissions);
        Int32((int)r.EscalateTo);
        Int32((int)r.Operator);
        NullableText(r.Device);
    }

    // Sends what the buffer holds when the next row might not fit; grows the buffer for a row longer than it.
    private async ValueTask MakeRoomAsync(int bound, CancellationToken cancellationToken)
    {
        if (_buffer.Length - _length >= bound)
        {
            return;
        }

        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
        if (_buffer.Length < bound)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bound);
        }
    }

    private async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await MakeRoomAsync(2, cancellationToken).ConfigureAwait(false);
        FieldCount(-1);                                         // the trailer
        await _stream.WriteAsync(_buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        _length = 0;
        await _stream.DisposeAsync().ConfigureAwait(false);    // ends the COPY: the server's error, if any, is thrown here
    }

    // A row's field count (or -1, the trailer): an int16 with no length before it.
    private void FieldCount(short count)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), count);
        _length += 2;
    }

    private void Length(int length)
    {
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), length);
        _length += 4;
    }

    private void Int16(short value)
    {
        Length(2);
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_length), value);
        _length += 2;
    }

    private void Int32(int value)
    {
        Length(4);
        BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_length), value);
        _length += 4;
    }

    private void Int64(long value)
    {
        Length(8);
        BinaryPrimitives.WriteInt64BigEndian(_buffer.AsSpan(_length), value);
        _length += 8;
    }

    private void Timestamp(Instant value) => Int64(EncodeInstant(value));

    private void Text(string value)
    {
        var written = Utf8.GetBytes(value, _buffer.AsSpan(_length + 4));
        Length(written);
        _length += written;
    }

    private void NullableText(string? value)
    {
        if (value is null)
        {
            Length(-1);
        }
        else
        {
            Text(value);
        }
    }
}
