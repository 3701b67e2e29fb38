using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads and writes a <see cref="ZoneTree"/> as CSV: the same flat list as <see cref="ZoneTreeJson"/>, one zone per row,
/// as communities keep their rolls in spreadsheets.
/// </summary>
/// <remarks>
/// <para>The first row names the columns, in any order: <c>id</c> and <c>kind</c> are required; <c>name</c>, <c>parent</c>,
/// <c>households</c>, <c>residents</c> and <c>gates</c> are optional. Unknown columns are rejected. Fields follow RFC 4180
/// (commas, double quotes doubled inside quoted fields, line breaks inside quotes); a UTF-8 byte-order mark is ignored;
/// blank lines are skipped.</para>
/// <para><c>kind</c> is a <see cref="ZoneKind"/> name (<c>Compound</c>) or its Chinese name (<c>小区</c>; also 市, 区县/区/县,
/// 街道/乡镇, 社区/村, 网格, 楼栋, 单元, 户). Counts are whole numbers; an empty cell means "not stated".</para>
/// <para>Every problem is reported at once in a <see cref="DocumentFormatException"/> whose <see cref="DocumentProblem.Path"/>
/// is the column name and <see cref="DocumentProblem.LineNumber"/> the line; nothing is half-loaded.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class ZoneTreeCsv
{
    private const string DocumentKind = "zone tree (CSV)";

    private static readonly string[] Columns = { "id", "kind", "name", "parent", "households", "residents", "gates" };

    private static readonly char[] QuotedCharacters = { ',', '"', '\n', '\r' };

    private static readonly Dictionary<string, ZoneKind> ChineseKinds = new(StringComparer.Ordinal)
    {
        ["市"] = ZoneKind.City,
        ["区县"] = ZoneKind.District,
        ["区"] = ZoneKind.District,
        ["县"] = ZoneKind.District,
        ["街道"] = ZoneKind.Subdistrict,
        ["乡镇"] = ZoneKind.Subdistrict,
        ["社区"] = ZoneKind.Community,
        ["村"] = ZoneKind.Community,
        ["网格"] = ZoneKind.Grid,
        ["小区"] = ZoneKind.Compound,
        ["楼栋"] = ZoneKind.Building,
        ["单元"] = ZoneKind.Unit,
        ["楼层"] = ZoneKind.Floor,
        ["户"] = ZoneKind.Household,
    };

    /// <summary>Reads a tree from CSV text, in Asia/Shanghai time.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="DocumentFormatException">The text is malformed or describes an invalid tree.</exception>
    public static ZoneTree Parse(string csv) => Parse(csv, ZoneTreeBuilder.DefaultTimeZone, null);

    /// <summary>Reads a tree from CSV text.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="timeZone">The time zone of the tree's local dates.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> or <paramref name="timeZone"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The text is malformed, beyond a limit (its UTF-8 size, <see cref="DocumentLimits.MaxItems"/> rows), or describes an invalid tree.</exception>
    public static ZoneTree Parse(string csv, DateTimeZone timeZone, DocumentLimits? limits = null)
    {
        Guard.NotNull(csv);
        Guard.NotNull(timeZone);
        var l = DocumentLimits.Resolve(limits);
        if (csv.Length > l.MaxDocumentBytes || (csv.Length > l.MaxDocumentBytes / 3 && Encoding.UTF8.GetByteCount(csv) > l.MaxDocumentBytes))
        {
            throw StrictJson.TooLarge(DocumentKind, l);
        }

        return ReadRecords(csv, timeZone, l);
    }

    /// <summary>Reads a tree from a UTF-8 CSV stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Csv">The stream.</param>
    /// <param name="timeZone">The time zone of the tree's local dates; Asia/Shanghai when null.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The validated tree.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The text is not valid UTF-8, is malformed, beyond a limit, or describes an invalid tree.</exception>
    public static ZoneTree Read(Stream utf8Csv, DateTimeZone? timeZone = null, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Csv);
        var l = DocumentLimits.Resolve(limits);
        var bytes = JsonDocumentReader.ReadAll(utf8Csv, DocumentKind, l);
        var invalid = Utf8Text.IsValid(bytes) ? -1 : Utf8Text.FirstInvalid(bytes);
        if (invalid >= 0)
        {
            var report = new ProblemReport(DocumentKind, l);
            report.AddAtLine("row", 1L + JsonLines.CountNewlines(bytes.AsSpan(0, invalid)), "The text is not valid UTF-8.");
            throw report.ToException();
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return ReadRecords(Encoding.UTF8.GetString(bytes, start, bytes.Length - start), timeZone ?? ZoneTreeBuilder.DefaultTimeZone, l);
    }

    /// <summary>Writes a tree as CSV with a header row, in pre-order, readable by <see cref="Parse(string)"/>.</summary>
    /// <param name="tree">The tree.</param>
    /// <returns>The CSV text (LF line ends). The time zone is not part of CSV; pass it when reading.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tree"/> is null.</exception>
    public static string ToCsv(ZoneTree tree)
    {
        Guard.NotNull(tree);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", Columns)).Append('\n');
        foreach (var zone in tree.All)
        {
            var households = Stated(zone, z => z.Households);
            var residents = Stated(zone, z => z.Residents);
            sb.Append(Quote(zone.Id.Value)).Append(',')
              .Append(zone.Kind.ToString()).Append(',')
              .Append(Quote(zone.Name)).Append(',')
              .Append(zone.HasParent ? Quote(zone.Parent.Id.Value) : string.Empty).Append(',')
              .Append(households?.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(residents?.ToString(CultureInfo.InvariantCulture)).Append(',')
              .Append(zone.Gates > 0 ? zone.Gates.ToString(CultureInfo.InvariantCulture) : string.Empty)
              .Append('\n');
        }

        return sb.ToString();
    }

    private static int? Stated(Zone zone, Func<Zone, int> count)
    {
        long sum = 0;
        var any = false;
        foreach (var child in zone.Children)
        {
            sum += count(child);
            any = true;
        }

        var value = count(zone);
        if (any && sum == value)
        {
            return null;
        }

        return value == 0 && !any ? null : value;
    }

    private static string Quote(string text)
        => text.IndexOfAny(QuotedCharacters) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;

    private static ZoneTree ReadRecords(string text, DateTimeZone timeZone, in Limits limits)
    {
        var problems = new List<DocumentProblem>();
        var records = Tokenize(text, problems);
        if (problems.Count > 0)
        {
            throw Fail(problems, limits);
        }

        if (records.Count == 0)
        {
            problems.Add(new DocumentProblem("header", 1, "The document is empty; the first row must name the columns (id,kind,…)."));
            throw Fail(problems, limits);
        }

        if (records.Count - 1 > limits.MaxItems)
        {
            problems.Add(new DocumentProblem("row", records[limits.MaxItems + 1].Line, string.Format(CultureInfo.InvariantCulture, "The document has more than {0} rows (DocumentLimits.MaxItems).", limits.MaxItems)));
            throw Fail(problems, limits);
        }

        var header = records[0];
        var columnIndex = ReadHeader(header, problems);

        if (problems.Count > 0)
        {
            throw Fail(problems, limits);
        }

        var builder = new ZoneTreeBuilder(timeZone);
        var lineOfOrdinal = new List<long>();
        AddRows(records, columnIndex, builder, lineOfOrdinal, problems);

        // The lines whose kind was already reported with the text that failed: a set, so that N bad rows cost O(N), not O(N²).
        var kindReported = new HashSet<long>(problems.Where(x => x.Path == "kind" && x.LineNumber is not null).Select(x => x.LineNumber!.Value));
        var treeProblems = new List<ZoneTreeProblem>();
        var tree = builder.TryBuild(treeProblems);
        foreach (var p in treeProblems)
        {
            if (p.Field == "kind" && p.Ordinal >= 0 && kindReported.Contains(lineOfOrdinal[p.Ordinal]))
            {
                continue;
            }

            problems.Add(new DocumentProblem(p.Field, p.Ordinal >= 0 ? lineOfOrdinal[p.Ordinal] : null, p.Message));
        }

        if (problems.Count > 0 || tree is null)
        {
            throw Fail(problems, limits);
        }

        return tree;
    }

    /// <summary>Maps each known column to its index; reports unknown, repeated and missing required columns.</summary>
    private static Dictionary<string, int> ReadHeader(Record header, List<DocumentProblem> problems)
    {
        var columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var c = 0; c < header.Fields.Count; c++)
        {
            var name = header.Fields[c].Trim();
            if (Array.IndexOf(Columns, name) < 0)
            {
                problems.Add(new DocumentProblem(name.Length == 0 ? $"column {c + 1}" : name, header.Line, $"Unknown column '{Shorten(name)}'; the columns are {string.Join(", ", Columns)}."));
            }
            else if (columnIndex.ContainsKey(name))
            {
                problems.Add(new DocumentProblem(name, header.Line, $"Column '{name}' appears twice."));
            }
            else
            {
                columnIndex.Add(name, c);
            }
        }

        foreach (var required in new[] { "id", "kind" })
        {
            if (!columnIndex.ContainsKey(required))
            {
                problems.Add(new DocumentProblem(required, header.Line, $"The required column '{required}' is missing."));
            }
        }

        return columnIndex;
    }

    /// <summary>Adds one zone per row after the header, remembering each zone's line.</summary>
    private static void AddRows(List<Record> records, Dictionary<string, int> columnIndex, ZoneTreeBuilder builder, List<long> lineOfOrdinal, List<DocumentProblem> problems)
    {
        var header = records[0];
        for (var r = 1; r < records.Count; r++)
        {
            var record = records[r];
            if (record.Fields.Count != header.Fields.Count)
            {
                problems.Add(new DocumentProblem("row", record.Line, $"The row has {record.Fields.Count} fields; the header has {header.Fields.Count}."));
            }

            string? Cell(string column)
            {
                if (!columnIndex.TryGetValue(column, out var index) || index >= record.Fields.Count)
                {
                    return null;
                }

                var value = record.Fields[index].Trim();
                return value.Length == 0 ? null : value;
            }

            int? Count(string column)
            {
                var cell = Cell(column);
                if (cell is null)
                {
                    return null;
                }

                if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    return value;
                }

                var negative = cell.StartsWith("-", StringComparison.Ordinal) && int.TryParse(cell.Substring(1), NumberStyles.None, CultureInfo.InvariantCulture, out var magnitude) ? -magnitude : (int?)null;
                if (negative is not null)
                {
                    return negative; // the builder reports it as a negative count
                }

                problems.Add(new DocumentProblem(column, record.Line, $"The cell is not a whole number."));
                return null;
            }

            var kindText = Cell("kind");
            var kind = ZoneKind.Unknown;
            if (kindText is null)
            {
                problems.Add(new DocumentProblem("kind", record.Line, "The zone's kind is required."));
            }
            else if (!TryParseKind(kindText, out kind))
            {
                problems.Add(new DocumentProblem("kind", record.Line, $"The cell is not a zone kind; use one of {string.Join(", ", Enum.GetNames(typeof(ZoneKind)).Where(n => n != nameof(ZoneKind.Unknown)))} or its Chinese name."));
            }

            builder.Add(Cell("id") ?? string.Empty, kind, Cell("name"), Cell("parent"), Count("households"), Count("residents"), Count("gates"));
            lineOfOrdinal.Add(record.Line);
        }
    }

    private static DocumentFormatException Fail(List<DocumentProblem> problems, in Limits limits)
    {
        var report = new ProblemReport(DocumentKind, limits);
        foreach (var p in problems)
        {
            report.AddAtLine(p.Path, p.LineNumber, p.Message);
        }

        return report.ToException();
    }

    private static bool TryParseKind(string text, out ZoneKind kind)
    {
        if (ChineseKinds.TryGetValue(text, out kind))
        {
            return true;
        }

        if (char.IsLetter(text[0]) && Enum.TryParse(text, ignoreCase: true, out kind) && ZoneKinds.IsDefined(kind))
        {
            return true;
        }

        kind = ZoneKind.Unknown;
        return false;
    }

    private static string Shorten(string text) => DocumentText.Shorten(text);

    /// <summary>Splits RFC 4180 text into records, each with the line it starts on.</summary>
    private static List<Record> Tokenize(string text, List<DocumentProblem> problems)
    {
        var tokenizer = new Tokenizer(problems);
        var i = 0;
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            i = 1;
        }

        for (; i < text.Length; i++)
        {
            if (tokenizer.InQuotes)
            {
                i = tokenizer.ReadQuoted(text, i);
            }
            else
            {
                tokenizer.ReadUnquoted(text[i]);
            }
        }

        if (tokenizer.InQuotes)
        {
            problems.Add(new DocumentProblem("row", tokenizer.RecordLine, "A quoted field is not closed before the end of the document."));
        }

        tokenizer.EndRecord();
        return tokenizer.Records;
    }

    /// <summary>The state of <see cref="Tokenize"/>: a mutable struct kept in a local, so that reading a document allocates no state object.</summary>
    private struct Tokenizer
    {
        private readonly List<DocumentProblem> _problems;
        private readonly List<string> _fields;
        private readonly StringBuilder _field;
        private long _line;
        private bool _fieldStarted;
        private bool _fieldBlank; // whether the field so far is white space: kept as a flag, not recomputed per quote
        private bool _anyContent;

        public Tokenizer(List<DocumentProblem> problems)
        {
            _problems = problems;
            Records = new List<Record>();
            _fields = new List<string>();
            _field = new StringBuilder();
            _line = 1L;
            RecordLine = 1L;
            InQuotes = false;
            _fieldStarted = false;
            _fieldBlank = true;
            _anyContent = false;
        }

        public List<Record> Records { get; }

        public long RecordLine { get; private set; }

        public bool InQuotes { get; private set; }

        /// <summary>Reads the character at <paramref name="i"/> inside a quoted field; returns the index of the last character read.</summary>
        public int ReadQuoted(string text, int i)
        {
            var c = text[i];
            if (c == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    _field.Append('"');
                    _fieldBlank = false;
                    i++;
                }
                else
                {
                    InQuotes = false;
                }
            }
            else
            {
                if (c == '\n')
                {
                    _line++;
                }

                _fieldBlank &= char.IsWhiteSpace(c);
                _field.Append(c);
            }

            return i;
        }

        /// <summary>Reads a character outside quotes: a quote, a separator, the end of a line or a field's text.</summary>
        public void ReadUnquoted(char c)
        {
            switch (c)
            {
                case '"' when !_fieldStarted || _fieldBlank:
                    _field.Clear();
                    InQuotes = true;
                    _fieldStarted = true;
                    _anyContent = true;
                    break;
                case '"':
                    _problems.Add(new DocumentProblem("row", _line, "A double quote appears inside an unquoted field; quote the field and double the quote."));
                    _field.Append(c);
                    _fieldBlank = false;
                    break;
                case ',':
                    _fields.Add(_field.ToString());
                    _field.Clear();
                    _fieldStarted = false;
                    _fieldBlank = true;
                    _anyContent = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    EndRecord();
                    _line++;
                    RecordLine = _line;
                    break;
                default:
                    _field.Append(c);
                    _fieldStarted = true;
                    if (!char.IsWhiteSpace(c))
                    {
                        _anyContent = true;
                        _fieldBlank = false;
                    }

                    break;
            }
        }

        public void EndRecord()
        {
            if (_anyContent)
            {
                _fields.Add(_field.ToString());
                Records.Add(new Record(RecordLine, _fields.ToArray()));
            }

            _fields.Clear();
            _field.Clear();
            _fieldStarted = false;
            _fieldBlank = true;
            _anyContent = false;
        }
    }

    private readonly record struct Record(long Line, IReadOnlyList<string> Fields);
}
