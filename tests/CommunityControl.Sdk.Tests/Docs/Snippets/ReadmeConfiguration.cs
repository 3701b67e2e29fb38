// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ReadmeSnippets;

/// <summary>README §6: a host bound from configuration.</summary>
internal static class ReadmeConfiguration
{
    public static void Run()
    {
        var builder = Host.CreateApplicationBuilder();                   // reads appsettings.json and the environment
        builder.Services.AddCommunityControl(builder.Configuration.GetSection("CommunityControl"));
        using var host = builder.Build();
        host.Start();                                                    // validates the options first (ValidateOnStart)
    }
}
