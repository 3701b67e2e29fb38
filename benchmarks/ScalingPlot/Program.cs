using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CommunityControl.Benchmarks.ScalingPlot;

/// <summary>
/// Reads BenchmarkDotNet's CSV report of <c>ScalingBenchmarks</c> and writes <c>scaling.md</c> (the table, with each
/// step's growth against the growth in zones) and <c>scaling.png</c> (time against zones, one line per benchmark).
/// Usage: <c>dotnet run --project benchmarks/ScalingPlot -- &lt;report.csv&gt; &lt;output folder&gt;</c>.
/// </summary>
public static class Program
{
    /// <summary>Zones of the Shanghai-sized city at full size (see the benchmarks' ShanghaiCity).</summary>
    private const int FullSizeZones = 1_269_432;

    public static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.Error.WriteLine("usage: ScalingPlot <ScalingBenchmarks-report.csv> <output folder>");
            return 2;
        }

        var rows = Read(args[0]);
        Directory.CreateDirectory(args[1]);
        File.WriteAllText(Path.Combine(args[1], "scaling.md"), Table(rows));
        Plot(rows, Path.Combine(args[1], "scaling.png"));
        Console.WriteLine($"{rows.Count} rows → {args[1]}/scaling.md, scaling.png");
        return 0;
    }

    private sealed record Row(string Method, double Size, double MeanMs, string Allocated);

    private static List<Row> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = Split(lines[0]);
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new InvalidDataException($"The report has no '{name}' column.");
        var method = Column("Method");
        var size = Column("Size");
        var mean = Column("Mean");
        var allocated = Column("Allocated");
        return lines.Skip(1).Where(l => l.Length > 0).Select(Split)
            .Select(c => new Row(c[method].Trim('\''), double.Parse(c[size], CultureInfo.InvariantCulture), Milliseconds(c[mean]), c[allocated]))
            .OrderBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Size)
            .ToList();
    }

    private static string[] Split(string line)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        cells.Add(cell.ToString());
        return cells.ToArray();
    }

    private static double Milliseconds(string mean)
    {
        var parts = mean.Replace(",", string.Empty, StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var value = double.Parse(parts[0], CultureInfo.InvariantCulture);
        return parts[1] switch
        {
            "ns" => value / 1e6,
            "μs" or "us" => value / 1e3,
            "ms" => value,
            "s" => value * 1e3,
            _ => throw new InvalidDataException($"Unknown unit in '{mean}'."),
        };
    }

    private static int Zones(double size) => (int)Math.Round(FullSizeZones * size);

    private static string Table(List<Row> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("# Scaling with the size of the city");
        text.AppendLine();
        text.AppendLine("The Shanghai-sized city (1,269,432 zones, 600,000 infections over 60 days, a register of 2,000,000 passages) at 1/8,");
        text.AppendLine("1/4, 1/2 and the whole; made");
        text.AppendLine("by `benchmarks/ScalingPlot` from the `ScalingBenchmarks` report. \"Growth\" is the step's time ratio divided by its");
        text.AppendLine("ratio of zones (2 at each step): 1.0 is linear, above 1.0 super-linear.");
        text.AppendLine();
        text.AppendLine("| benchmark | size | zones | mean | allocated | growth against zones |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var group in rows.GroupBy(r => r.Method))
        {
            Row? previous = null;
            foreach (var r in group)
            {
                var growth = previous is null ? "—" : ((r.MeanMs / previous.MeanMs) / ((double)Zones(r.Size) / Zones(previous.Size))).ToString("F2", CultureInfo.InvariantCulture);
                text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Method} | {r.Size:0.###} | {Zones(r.Size):N0} | {(r.MeanMs < 1 ? (r.MeanMs * 1000).ToString("N1", CultureInfo.InvariantCulture) + " µs" : r.MeanMs.ToString("N1", CultureInfo.InvariantCulture) + " ms")} | {r.Allocated} | {growth} |");
                previous = r;
            }
        }

        return text.ToString();
    }

    private static void Plot(List<Row> rows, string path)
    {
        var plot = new ScottPlot.Plot();
        foreach (var group in rows.GroupBy(r => r.Method))
        {
            var xs = group.Select(r => Zones(r.Size) / 1e6).ToArray();
            var ys = group.Select(r => r.MeanMs).ToArray();
            var line = plot.Add.Scatter(xs, ys);
            line.LegendText = group.Key;
        }

        plot.Title("Cost against the size of the city (Shanghai-sized at 1.27 M zones)");
        plot.XLabel("zones (millions)");
        plot.YLabel("mean time (ms)");
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        plot.SavePng(path, 900, 560);
    }
}
