using System;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace CommunityControl.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--memory")
        {
            Zones.ZoneTreeMemory.Report();
            Risk.ShanghaiMemory.Report();
            Records.PassageStoreMemory.Report();
            return;
        }

        if (args.Length > 0 && args[0] == "--records-memory")
        {
            Records.PassageStoreMemory.Report(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000);
            return;
        }

        // BenchmarkDotNet builds a copy of this project per run; its default two-minute limit is too short on a loaded
        // two-core machine, where the build alone has taken longer.
        var config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
