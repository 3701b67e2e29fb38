using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using NodaTime;
using Npgsql;

namespace CommunityControl.PostgreSql;

/// <summary>What the record stores share: the key check, the interval condition and streamed reading.</summary>
internal static class PostgreSqlQueries
{
    /// <summary>Checks an idempotency key given to a lookup: 1–128 ASCII letters, digits and <c>- _ . :</c> (the rules of
    /// the records' keys); the message never echoes the key.</summary>
    public static void CheckKey(string idempotencyKey, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey, parameterName);
        var ok = idempotencyKey.Length is > 0 and <= 128;
        foreach (var c in idempotencyKey)
        {
            ok &= c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_' or '.' or ':';
        }

        if (!ok)
        {
            throw new ArgumentException("The idempotency key must be 1 to 128 ASCII letters, digits and - _ . : characters.", parameterName);
        }
    }

    /// <summary>Appends "AND column &gt;= $n AND column &lt; $m" for the interval's bounds (an interval is half-open).</summary>
    public static void AppendInterval(StringBuilder sql, NpgsqlCommand command, string column, Interval interval)
    {
        if (interval.HasStart)
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = interval.Start });
            sql.Append(" AND ").Append(column).Append(" >= $").Append(command.Parameters.Count);
        }

        if (interval.HasEnd)
        {
            command.Parameters.Add(new NpgsqlParameter<Instant> { TypedValue = interval.End });
            sql.Append(" AND ").Append(column).Append(" < $").Append(command.Parameters.Count);
        }
    }

    /// <summary>Runs the command and yields each row as the server sends it; the command is disposed at the end.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    yield return read(reader);
                }
            }
        }
    }

    /// <summary>Runs the command and returns the first row read, or the default when there is none.</summary>
    public static async Task<T?> FirstOrDefaultAsync<T>(NpgsqlCommand command, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        await using (command.ConfigureAwait(false))
        {
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? read(reader) : null;
            }
        }
    }
}
