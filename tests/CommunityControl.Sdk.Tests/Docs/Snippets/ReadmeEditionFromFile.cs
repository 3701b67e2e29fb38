// The README's C# blocks, verbatim (ReadmeSnippetTests checks it), compiled and run by the tests.
#pragma warning disable CA1303, CA1305, CA1307, CA1849, CA2000, IDE0005, IDE0007, IDE0008, IDE0011, IDE0059
using System.IO;
using CommunityControl.Editions;
using CommunityControl.Serialization;

namespace ReadmeSnippets;

/// <summary>README §3: an edition from a file.</summary>
internal static class ReadmeEditionFromFile
{
    public static void Run()
    {
        using var stream = File.OpenRead("my-city.edition.json");        // e.g. samples/PolicyTests/my-city.edition.json
        PolicyEdition mine = PolicyEditionJson.Read(stream);
    }
}
