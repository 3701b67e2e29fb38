using NodaTime;
using NodaTime.Text;

namespace CommunityControl.Samples.GateService.Http;

/// <summary>Dates in messages, as yyyy-MM-dd whatever the culture.</summary>
public static class Dates
{
    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
