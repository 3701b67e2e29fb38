using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;
using CommunityControl.Internal;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Serialization;

/// <summary>
/// Reads volunteer sign-ups (<see cref="VolunteerSignUp"/>) from CSV, one sign-up per row, as intake forms are exported
/// from spreadsheets and survey tools.
/// </summary>
/// <remarks>
/// <para>The first row names the columns, in any order; all six are required and no other is allowed:
/// <c>id</c> (a pseudonymous id), <c>homeZone</c> (a zone id), <c>abilities</c> (duty names joined by <c>|</c>, e.g.
/// <c>DayGates|DoorToDoor</c>), <c>availability</c> (windows joined by <c>;</c>, each a weekday and a time span, e.g.
/// <c>Mon 08:00-16:00;Sat 20:00-08:00</c>; weekdays <c>Mon</c> … <c>Sun</c> or their full English names; an end not after
/// the start runs into the next day, <c>00:00-24:00</c> or <c>00:00-00:00</c> is the whole day), <c>ageBand</c>
/// (<c>18-29</c>, <c>30-44</c>, <c>45-59</c>, <c>60-69</c>, <c>70+</c>, or a <see cref="VolunteerAgeBand"/> name) and
/// <c>healthDeclared</c> (<c>yes</c>/<c>no</c>, <c>true</c>/<c>false</c>, or 是/否).</para>
/// <para>Fields follow RFC 4180 (commas, double quotes doubled inside quoted fields, line breaks inside quotes); a UTF-8
/// byte-order mark is ignored; blank lines are skipped. The text is read in one pass. Every problem is reported at once in
/// a <see cref="DocumentFormatException"/> whose <see cref="DocumentProblem.Path"/> is the column name (or <c>row</c>,
/// <c>header</c>) and <see cref="DocumentProblem.LineNumber"/> the line; nothing is half-loaded. Messages never repeat a
/// cell's value, which may be personal data typed in the wrong column.</para>
/// </remarks>
/// <threadsafety static="true" instance="true"/>
public static class VolunteerCsv
{
    private const string DocumentKind = "volunteer sign-ups (CSV)";

    private static readonly string[] Columns = { "id", "homeZone", "abilities", "availability", "ageBand", "healthDeclared" };

    /// <summary>Reads sign-ups from CSV text.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The sign-ups, in document order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The text is malformed, beyond a limit (its UTF-8 size, <see cref="DocumentLimits.MaxItems"/> rows), or a row is not a valid sign-up (every problem, with its line).</exception>
    public static IReadOnlyList<VolunteerSignUp> Parse(string csv, DocumentLimits? limits = null)
    {
        Guard.NotNull(csv);
        var l = DocumentLimits.Resolve(limits);
        if (csv.Length > l.MaxDocumentBytes || (csv.Length > l.MaxDocumentBytes / 3 && Encoding.UTF8.GetByteCount(csv) > l.MaxDocumentBytes))
        {
            throw StrictJson.TooLarge(DocumentKind, l);
        }

        return new Reader(l).Read(csv);
    }

    /// <summary>Reads sign-ups from a UTF-8 CSV stream (read to its end, or to the size limit; not closed).</summary>
    /// <param name="utf8Csv">The stream.</param>
    /// <param name="limits">The limits the document must keep within; null for <see cref="DocumentLimits.Default"/>.</param>
    /// <returns>The sign-ups, in document order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Csv"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A value of <paramref name="limits"/> is out of its documented range.</exception>
    /// <exception cref="DocumentFormatException">The text is not valid UTF-8, is malformed, beyond a limit, or a row is not a valid sign-up.</exception>
    public static IReadOnlyList<VolunteerSignUp> Read(Stream utf8Csv, DocumentLimits? limits = null)
    {
        Guard.NotNull(utf8Csv);
        var l = DocumentLimits.Resolve(limits);
        var bytes = JsonDocumentReader.ReadAll(utf8Csv, DocumentKind, l);
        if (!Utf8Text.IsValid(bytes))
        {
            var report = new ProblemReport(DocumentKind, l);
            report.AddAtLine("row", 1L + JsonLines.CountNewlines(bytes.AsSpan(0, Utf8Text.FirstInvalid(bytes))), "The text is not valid UTF-8.");
            throw report.ToException();
        }

        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        return new Reader(l).Read(Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
    }

    /// <summary>One read: the RFC 4180 tokenizer hands each record to <see cref="Row"/> as it ends, so the text is walked once.</summary>
    private sealed class Reader
    {
        private readonly Limits _limits;
        private readonly ProblemReport _report;
        private readonly List<VolunteerSignUp> _signUps = new();
        private readonly HashSet<PersonId> _ids = new();
        private readonly List<string> _fields = new();
        private readonly StringBuilder _field = new();
        private readonly List<AvailabilityWindow> _windows = new();
        private int[]? _columnOf; // header position → column number in Columns
        private int _headerCount;
        private int _rows;

        public Reader(in Limits limits)
        {
            _limits = limits;
            _report = new ProblemReport(DocumentKind, limits);
        }

        public System.Collections.ObjectModel.ReadOnlyCollection<VolunteerSignUp> Read(string text)
        {
            long line = 1, recordLine = 1;
            var inQuotes = false;
            var quotedField = false;
            for (var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0; i < text.Length; i++)
            {
                var c = text[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            _field.Append('"');
                            i++;
                        }
                        else
                        {
                            inQuotes = false;
                        }
                    }
                    else
                    {
                        line += c == '\n' ? 1 : 0;
                        _field.Append(c);
                    }
                }
                else if (c == '"' && _field.Length == 0 && !quotedField)
                {
                    inQuotes = quotedField = true;
                }
                else if (c == ',')
                {
                    EndField();
                    quotedField = false;
                }
                else if (c == '\n' || c == '\r')
                {
                    EndField();
                    quotedField = false;
                    EndRecord(recordLine);
                    if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    recordLine = ++line;
                }
                else
                {
                    _field.Append(c);
                }
            }

            if (inQuotes)
            {
                _report.AddAtLine("row", recordLine, "A quoted field is not closed before the end of the document.");
            }

            EndField();
            EndRecord(recordLine);
            if (_columnOf is null && _report.Count == 0)
            {
                _report.AddAtLine("header", 1, "The document is empty; the first row must name the columns (" + string.Join(",", Columns) + ").");
            }

            return _report.Count > 0 ? throw _report.ToException() : _signUps.AsReadOnly();
        }

        private void EndField()
        {
            _fields.Add(_field.ToString());
            _field.Clear();
        }

        private void EndRecord(long line)
        {
            var blank = _fields.Count == 1 && _fields[0].Trim().Length == 0;
            if (!blank)
            {
                if (_columnOf is null)
                {
                    Header(line);
                }
                else if (++_rows > _limits.MaxItems)
                {
                    if (_rows == _limits.MaxItems + 1)
                    {
                        _report.AddAtLine("row", line, string.Format(CultureInfo.InvariantCulture, "The document has more than {0} rows (DocumentLimits.MaxItems).", _limits.MaxItems));
                    }
                }
                else
                {
                    Row(line);
                }
            }

            _fields.Clear();
        }

        private void Header(long line)
        {
            _headerCount = _fields.Count;
            _columnOf = new int[_fields.Count];
            var seen = new bool[Columns.Length];
            for (var f = 0; f < _fields.Count; f++)
            {
                var name = _fields[f].Trim();
                var column = Array.IndexOf(Columns, name);
                _columnOf[f] = column;
                if (column < 0)
                {
                    _report.AddAtLine(name.Length == 0 ? $"column {f + 1}" : DocumentText.Shorten(name), line, $"Unknown column; the columns are {string.Join(", ", Columns)}.");
                }
                else if (seen[column])
                {
                    _report.AddAtLine(name, line, "The column appears twice.");
                }

                seen[Math.Max(column, 0)] |= column >= 0;
            }

            for (var c = 0; c < Columns.Length; c++)
            {
                if (!seen[c])
                {
                    _report.AddAtLine(Columns[c], line, "The required column is missing.");
                }
            }
        }

        private void Row(long line)
        {
            if (_fields.Count != _headerCount)
            {
                _report.AddAtLine("row", line, $"The row has {_fields.Count} fields; the header has {_headerCount}.");
                return;
            }

            var cells = new string?[Columns.Length];
            for (var f = 0; f < _fields.Count; f++)
            {
                if (_columnOf![f] >= 0)
                {
                    cells[_columnOf[f]] = _fields[f].Trim();
                }
            }

            var before = _report.Count;
            var id = Id(cells[0], line);
            var home = cells[1] is { Length: > 0 } h && ZoneId.TryFrom(h, out var zone) ? zone : Problem<ZoneId>("homeZone", line, "The cell is not a zone id.");
            var abilities = VolunteerCells.Abilities(cells[2]) ?? Problem<StaffingDuties>("abilities", line, "The cell is not duty names joined by |, e.g. DayGates|DoorToDoor.");
            var windowsOk = VolunteerCells.Availability(cells[3], _windows);
            if (!windowsOk)
            {
                _report.AddAtLine("availability", line, "The cell is not availability windows joined by ;, e.g. Mon 08:00-16:00;Sat 20:00-08:00.");
            }

            var band = VolunteerCells.AgeBand(cells[4]) ?? Problem<VolunteerAgeBand>("ageBand", line, "The cell is not an age band: 18-29, 30-44, 45-59, 60-69 or 70+.");
            var health = VolunteerCells.YesNo(cells[5]);
            if (health is null)
            {
                _report.AddAtLine("healthDeclared", line, "The cell is not yes or no.");
            }

            if (_report.Count == before)
            {
                _signUps.Add(new VolunteerSignUp(id, home, abilities, _windows, band, health!.Value));
            }
        }

        private PersonId Id(string? cell, long line)
        {
            if (cell is not { Length: > 0 } || !PersonId.TryFrom(cell, out var id))
            {
                return Problem<PersonId>("id", line, "The cell is not a pseudonymous id (ASCII letters, digits and - _ . :; not a phone or ID-card number).");
            }

            return _ids.Add(id) ? id : Problem<PersonId>("id", line, "The id is given on an earlier row.");
        }

        private T Problem<T>(string column, long line, string message)
        {
            _report.AddAtLine(column, line, message);
            return default!;
        }
    }
}
