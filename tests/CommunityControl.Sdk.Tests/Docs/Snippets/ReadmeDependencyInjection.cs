// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using CommunityControl.DependencyInjection;
using CommunityControl.Editions;
using Microsoft.Extensions.DependencyInjection;

namespace ReadmeSnippets;

/// <summary>README §6: registration in code.</summary>
internal static class ReadmeDependencyInjection
{
    public static void Run()
    {
        var services = new ServiceCollection();
        services.AddCommunityControl(options =>
        {
            options.Jurisdiction = "CN";                                   // choose the edition in force by date…
            options.EditionId = "cn-2022-06-ninth-edition";                // …or pin one
            options.Editions.Add(PolicyEditions.China.NinthEdition);       // your own editions (same id: replaces the built-in)
        });
        // resolves: IOptions<CommunityControlOptions>, EditionCatalog, EditionSelector, PolicyEdition, RiskPolicy, AccessPolicy,
        //           StaffingPolicy, IOutingLedger (InMemoryOutingLedger unless you registered one), IClock (SystemClock unless you did)
    }
}
