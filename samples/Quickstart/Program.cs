using System;
using System.IO;
using System.Linq;
using CommunityControl.Zones;

namespace CommunityControl.Samples.Quickstart;

/// <summary>
/// The main job: a community like the one in the seeds, loaded from JSON and shown as a tree.
/// Usage: dotnet run --project samples/Quickstart [-- --lang en|zh] [--community path.json]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var english = args.Contains("--lang") && args.SkipWhile(a => a != "--lang").Skip(1).FirstOrDefault() == "en";
        var path = args.SkipWhile(a => a != "--community").Skip(1).FirstOrDefault()
            ?? Path.Combine(AppContext.BaseDirectory, "community.json");

        ZoneTree tree;
        try
        {
            using var stream = File.OpenRead(path);
            tree = ZoneTreeJson.Read(stream);
        }
        catch (DocumentFormatException ex)
        {
            Console.Error.WriteLine(english ? "The community document is invalid:" : "社区文件有误：");
            foreach (var problem in ex.Problems)
            {
                Console.Error.WriteLine("  " + problem);
            }

            return 1;
        }

        Console.OutputEncoding = System.Text.Encoding.UTF8;
        Console.WriteLine(english
            ? $"Community tree: {tree.Count} zones, days counted in {tree.TimeZone.Id}"
            : $"社区区划：{tree.Count} 个区域，按 {tree.TimeZone.Id} 计日");
        foreach (var root in tree.Roots)
        {
            Print(root, english);
        }

        return 0;
    }

    private static void Print(Zone zone, bool english)
    {
        if (zone.Kind == ZoneKind.Unit)
        {
            return; // units are summed into their buildings to keep the output short
        }

        var indent = new string(' ', zone.Depth * 2);
        var gates = zone.Gates > 0 ? (english ? $", {zone.Gates} gate(s)" : $"，{zone.Gates} 个门岗") : string.Empty;
        Console.WriteLine(english
            ? $"{indent}{zone.Name} [{zone.Kind} {zone.Id}] {zone.Households} households, {zone.Residents} residents{gates}"
            : $"{indent}{zone.Name} [{zone.Id}] {zone.Households} 户，{zone.Residents} 人{gates}");
        foreach (var child in zone.Children)
        {
            Print(child, english);
        }
    }
}
