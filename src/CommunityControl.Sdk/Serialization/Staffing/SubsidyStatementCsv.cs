using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Staffing;

namespace CommunityControl.Serialization;

/// <summary>
/// Writes <see cref="SubsidyStatement"/>s as CSV with Chinese column headers, one row per day worked, for the finance
/// office's spreadsheet.
/// </summary>
/// <remarks>
/// <para>Columns: 人员编号 (the pseudonymous <see cref="PersonId"/>), 人员类别 (<see cref="WorkforceSource"/> name), 日期
/// (ISO date), 区域 (zone id), 风险等级 (level code), 实际工时 (hours, up to two decimals), 日补贴, 加班原因 (无, 休息日,
/// 节假日, 超时), 加班补贴, 交通补贴, 餐费补贴, 合计, 币种, 补贴政策 (policy id). Amounts are decimal numbers with the
/// policy's decimal places and a point, never a thousands separator (e.g. <c>1050.00</c>); the row amounts add up to
/// the statement's total. A person with no day worked has no row.</para>
/// <para>Fields follow RFC 4180: separated by commas, rows ended by CRLF, a field holding a comma, a double quote, CR or LF
/// enclosed in double quotes with its quotes doubled. The writer is a few lines here rather than a CSV package because
/// the core promises its short dependency list (README): NodaTime, System.Text.Json and Microsoft.Extensions
/// abstractions only.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class SubsidyStatementCsv
{
    private static readonly string[] Headers =
    {
        "人员编号", "人员类别", "日期", "区域", "风险等级", "实际工时", "日补贴", "加班原因", "加班补贴", "交通补贴", "餐费补贴", "合计", "币种", "补贴政策",
    };

    private static readonly char[] QuotedCharacters = { ',', '"', '\n', '\r' };

    /// <summary>Writes statements as CSV text.</summary>
    /// <param name="statements">The statements, written in the order given, each day in date order.</param>
    /// <returns>The CSV text: the header row and one row per day, each ended by CRLF.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="statements"/> is null or holds null.</exception>
    public static string ToCsv(IEnumerable<SubsidyStatement> statements)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        Write(statements, writer);
        return writer.ToString();
    }

    /// <summary>Writes statements as CSV to a text writer (not closed).</summary>
    /// <param name="statements">The statements, written in the order given, each day in date order.</param>
    /// <param name="writer">The writer.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="statements"/> holds null.</exception>
    public static void Write(IEnumerable<SubsidyStatement> statements, TextWriter writer)
    {
        Guard.NotNull(statements);
        Guard.NotNull(writer);
        WriteRow(writer, Headers);
        var c = CultureInfo.InvariantCulture;
        var row = new string[Headers.Length];
        foreach (var statement in statements)
        {
            if (statement is null)
            {
                throw new ArgumentNullException(nameof(statements), "A statement is null.");
            }

            var money = "F" + statement.Policy.DecimalPlaces.ToString(c);
            foreach (var day in statement.Days)
            {
                row[0] = statement.Person.Value;
                row[1] = statement.Source.ToString();
                row[2] = day.Date.ToString("uuuu'-'MM'-'dd", c);
                row[3] = day.Zone.Value;
                row[4] = day.LevelCode;
                row[5] = Math.Round(day.PaidHours, 2).ToString("0.##", c);
                row[6] = day.DailySubsidy.ToString(money, c);
                row[7] = Reason(day.OvertimeReason);
                row[8] = day.Overtime.ToString(money, c);
                row[9] = day.Transport.ToString(money, c);
                row[10] = day.Meal.ToString(money, c);
                row[11] = day.Total.ToString(money, c);
                row[12] = statement.Currency;
                row[13] = statement.Policy.Id;
                WriteRow(writer, row);
            }
        }
    }

    /// <summary>Writes statements as UTF-8 CSV with a byte-order mark (so spreadsheet programs read the Chinese headers) to a stream (not closed).</summary>
    /// <param name="statements">The statements.</param>
    /// <param name="utf8Csv">The stream.</param>
    /// <exception cref="ArgumentNullException">An argument is null, or <paramref name="statements"/> holds null.</exception>
    public static void Write(IEnumerable<SubsidyStatement> statements, Stream utf8Csv)
    {
        Guard.NotNull(statements);
        Guard.NotNull(utf8Csv);
        using var writer = new StreamWriter(utf8Csv, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 4096, leaveOpen: true);
        Write(statements, writer);
    }

    private static string Reason(OvertimeReason reason) => reason switch
    {
        OvertimeReason.RestDay => "休息日",
        OvertimeReason.Holiday => "节假日",
        OvertimeReason.Hours => "超时",
        _ => "无",
    };

    private static void WriteRow(TextWriter writer, string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            var f = fields[i];
            if (f.IndexOfAny(QuotedCharacters) >= 0)
            {
                writer.Write('"');
                writer.Write(f.Replace("\"", "\"\""));
                writer.Write('"');
            }
            else
            {
                writer.Write(f);
            }
        }

        writer.Write("\r\n");
    }
}
