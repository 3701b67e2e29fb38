using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Staffing.AttendancePlans;

namespace CommunityControl.Tests.Staffing;

public class SubsidyStatementCsvTests
{
    [Fact]
    public void ToCsv_ChineseHeaders_OneRowPerDay_AmountsAddUpToTheTotal()
    {
        var plan = Week();
        var policy = SubsidyPolicy.Sichuan2020.WithOvertimeDayRate(150m).WithAllowances(10.005m, 15m);
        var calendar = new SubsidyCalendar { RestDays = new[] { IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday } };
        var statements = AttendanceSheet.Create(plan, Exactly(plan, plan.Assignments), Shanghai).Subsidies(policy, plan.Period, calendar);

        var rows = ParseRfc4180(SubsidyStatementCsv.ToCsv(statements));

        rows[0].Should().Equal("人员编号", "人员类别", "日期", "区域", "风险等级", "实际工时", "日补贴", "加班原因", "加班补贴", "交通补贴", "餐费补贴", "合计", "币种", "补贴政策");
        rows.Should().HaveCount(1 + statements.Sum(s => s.Days.Count));
        var saturday = rows.Skip(1).First(r => r[2] == "2020-02-15");
        saturday.Skip(3).Should().Equal("c", "High", "12.5", "70.00", "休息日", "150.00", "10.01", "15.00", "245.01", "CNY", "sichuan-2020-04-10");
        rows.Skip(1).Sum(r => decimal.Parse(r[11], System.Globalization.CultureInfo.InvariantCulture)).Should().Be(statements.Sum(s => s.Total));
    }

    [Fact]
    public void Fields_AreQuotedByRfc4180()
    {
        // A policy id holding a comma, a double quote and a line break is enclosed in quotes with its quote doubled.
        var plan = Week(1);
        var policy = SubsidyPolicy.Create("a,\"b\"\nc", "s", SubsidyPolicy.Sichuan2020.DailyByLevel, null, new[] { WorkforceSource.CommunityWorker }, scale: Scale);
        var statements = AttendanceSheet.Create(plan, Exactly(plan, plan.Assignments), Shanghai).Subsidies(policy, plan.Period, SubsidyCalendar.None);

        var csv = SubsidyStatementCsv.ToCsv(statements);

        csv.Should().Contain(",\"a,\"\"b\"\"\nc\"\r\n").And.EndWith("\r\n");
        ParseRfc4180(csv).Skip(1).Should().OnlyContain(r => r.Length == 14 && r[13] == "a,\"b\"\nc");
    }

    [Fact]
    public void Write_ToAStream_StartsWithTheUtf8ByteOrderMark()
    {
        using var stream = new MemoryStream();

        SubsidyStatementCsv.Write(Array.Empty<SubsidyStatement>(), stream);

        stream.ToArray().Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        Encoding.UTF8.GetString(stream.ToArray(), 3, (int)stream.Length - 3).Should().StartWith("人员编号,");
        FluentActions.Invoking(() => SubsidyStatementCsv.ToCsv(null!)).Should().Throw<ArgumentNullException>().WithParameterName("statements");
        FluentActions.Invoking(() => SubsidyStatementCsv.ToCsv(new SubsidyStatement[] { null! })).Should().Throw<ArgumentNullException>().WithParameterName("statements");
    }

    /// <summary>An independent RFC 4180 reader: quoted fields, doubled quotes, CRLF row ends.</summary>
    private static List<string[]> ParseRfc4180(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row.ToArray());
                row.Clear();
                i++;
            }
            else
            {
                field.Append(ch);
            }
        }

        return rows;
    }
}
