using System;
using System.Globalization;
using System.Text;

namespace CommunityControl.Tests.Staffing.Roster;

/// <summary>Volunteer sign-up CSV documents for the tests and the intake benchmark (linked into both).</summary>
internal static class VolunteerCsvSamples
{
    public const string Header = "id,homeZone,abilities,availability,ageBand,healthDeclared";

    private static readonly string[] Abilities = { "DayGates", "DayGates|NightGates", "DoorToDoor", "DayGates|DoorToDoor|Patrol", "Disinfection|Coordination" };

    private static readonly string[] Windows =
    {
        "Mon 08:00-16:00;Wed 08:00-16:00;Fri 08:00-16:00",
        "\"Sat 20:00-08:00;Sun 00:00-24:00\"",
        "Mon 18:00-22:00;Tue 18:00-22:00;Wed 18:00-22:00;Thu 18:00-22:00;Fri 18:00-22:00",
        "Monday 00:00-00:00",
    };

    private static readonly string[] Bands = { "18-29", "30-44", "45-59", "60-69", "70+" };

    /// <summary>A document of <paramref name="rows"/> valid sign-ups (ids <c>vol-000001</c> …), LF line ends.</summary>
    public static string Generate(int rows, int seed = 1)
    {
        var random = new Random(seed);
        var sb = new StringBuilder(rows * 110).Append(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            sb.Append("vol-").Append(i.ToString("000000", CultureInfo.InvariantCulture)).Append(',')
              .Append("500101-001-0").Append(random.Next(10)).Append(',')
              .Append(Abilities[random.Next(Abilities.Length)]).Append(',')
              .Append(Windows[random.Next(Windows.Length)]).Append(',')
              .Append(Bands[random.Next(Bands.Length)]).Append(',')
              .Append(random.Next(10) == 0 ? "no" : "yes").Append('\n');
        }

        return sb.ToString();
    }
}
