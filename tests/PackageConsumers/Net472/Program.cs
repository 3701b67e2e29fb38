using System;
using CommunityControl.Editions;
using CommunityControl.Zones;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace Net472Consumer;

public static class Program
{
    public static int Main()
    {
        var tree = new ZoneTreeBuilder(DateTimeZoneProviders.Tzdb["Asia/Shanghai"])
            .Add("500101-001", ZoneKind.Community, "香炉山社区")
            .Add("500101-001-01", ZoneKind.Compound, "香炉山小区", parent: "500101-001", gates: 2, households: 860)
            .Build();

        var services = new ServiceCollection();
        services.AddCommunityControl(options => options.EditionId = PolicyEditions.China.NinthEdition.Id);
        using var provider = services.BuildServiceProvider();
        var edition = provider.GetRequiredService<PolicyEdition>();

        Console.WriteLine($"{tree.Count} zones; edition {edition.Id}; System.Text.Json {typeof(System.Text.Json.JsonSerializer).Assembly.GetName().Version}");
        return edition.Id == PolicyEditions.China.NinthEdition.Id ? 0 : 1;
    }
}
