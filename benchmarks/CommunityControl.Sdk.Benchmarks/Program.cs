using BenchmarkDotNet.Running;

namespace CommunityControl.Benchmarks;

public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--memory")
        {
            Zones.ZoneTreeMemory.Report();
            return;
        }

        if (args.Length > 0 && args[0] == "--records-memory")
        {
            Records.PassageStoreMemory.Report();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
