// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using System.IO;
using CommunityControl.Editions;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using CommunityControl.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ReadmeSnippets;

/// <summary>README §8: a minimal HTTP host.</summary>
internal static class ReadmeHttpHost
{
    public static void Run()
    {
        var builder = WebApplication.CreateSlimBuilder();
        using var staffingJson = File.OpenRead("staffing.json");         // e.g. samples/Quickstart/staffing.json
        var edition = PolicyEditions.Get("cn-2022-06-ninth-edition")
            .WithStaffing(StaffingPolicyJson.Read(staffingJson, RiskScales.ChinaLowMediumHigh));
        builder.Services.AddCommunityControl(options =>
        {
            options.Editions.Add(edition);     // replaces the built-in edition with the same id
            options.EditionId = edition.Id;    // pinned, whatever the date
        });
        var app = builder.Build();
        app.MapGet("/zones/{zone}/levels/{level}", (ZoneId zone, RiskLevel level, PolicyEdition pinned) =>   // bound from the route
            Results.Json(new { zone, level, code = pinned.Risk.Scale.Describe(level).Code, edition = pinned.Id }));
        // app.Run();
    }
}
