using System.Collections.Generic;
using CommunityControl.Epidemiology;
using CommunityControl.Zones;
using NodaTime;

namespace CommunityControl.Tests.Risk;

/// <summary>
/// A small city for tests: two districts; d1 has communities c1 (compounds c1-a with buildings c1-a-1, c1-a-2 and
/// c1-b) and c2 (compound c2-a and a commercial compound c2-p with the market building c2-p-m); d2 has c3-a.
/// The same tree as the Chinese editions' test vectors.
/// </summary>
internal static class SmallCity
{
    public static ZoneTree Tree { get; } = new ZoneTreeBuilder()
        .Add("wh", ZoneKind.City, "武汉市")
        .Add("d1", ZoneKind.District, "江岸区", parent: "wh")
        .Add("s1", ZoneKind.Subdistrict, "街道一", parent: "d1")
        .Add("c1", ZoneKind.Community, "社区一", parent: "s1")
        .Add("c1-a", ZoneKind.Compound, "小区A", parent: "c1")
        .Add("c1-a-1", ZoneKind.Building, "1栋", parent: "c1-a")
        .Add("c1-a-1-1", ZoneKind.Unit, "1单元", parent: "c1-a-1", households: 12)
        .Add("c1-a-1-2", ZoneKind.Unit, "2单元", parent: "c1-a-1", households: 12)
        .Add("c1-a-2", ZoneKind.Building, "2栋", parent: "c1-a")
        .Add("c1-a-2-1", ZoneKind.Unit, "1单元", parent: "c1-a-2", households: 12)
        .Add("c1-b", ZoneKind.Compound, "小区B", parent: "c1")
        .Add("c1-b-1", ZoneKind.Building, "1栋", parent: "c1-b")
        .Add("c1-b-1-1", ZoneKind.Unit, "1单元", parent: "c1-b-1", households: 12)
        .Add("c2", ZoneKind.Community, "社区二", parent: "s1")
        .Add("c2-a", ZoneKind.Compound, "小区C", parent: "c2")
        .Add("c2-a-1", ZoneKind.Building, "1栋", parent: "c2-a")
        .Add("c2-a-1-1", ZoneKind.Unit, "1单元", parent: "c2-a-1", households: 12)
        .Add("c2-p", ZoneKind.Compound, "商业区", parent: "c2")
        .Add("c2-p-m", ZoneKind.Building, "菜市场", parent: "c2-p")
        .Add("d2", ZoneKind.District, "汉阳区", parent: "wh")
        .Add("s2", ZoneKind.Subdistrict, "街道二", parent: "d2")
        .Add("c3", ZoneKind.Community, "社区三", parent: "s2")
        .Add("c3-a", ZoneKind.Compound, "小区D", parent: "c3")
        .Add("c3-a-1", ZoneKind.Building, "1栋", parent: "c3-a")
        .Add("c3-a-1-1", ZoneKind.Unit, "1单元", parent: "c3-a-1", households: 12)
        .Build();

    public static LocalDate Day0 { get; } = new(2022, 7, 1);

    public static LocalDate Day(int n) => Day0.PlusDays(n);

    public static ZoneId Z(string id) => ZoneId.From(id);

    public static CaseReport Case(string id, int day, string? residence, CaseKind kind = CaseKind.Confirmed, ControlSetting foundUnder = ControlSetting.None, params CaseActivity[] activities)
        => new()
        {
            Id = id,
            Kind = kind,
            Reported = Day(day),
            Residence = residence is null ? default : Z(residence),
            FoundUnder = foundUnder,
            Activities = activities,
        };

    public static ScreeningRound Negative(string zone, int day) => new() { Zone = Z(zone), Date = Day(day), AllNegative = true };

    public static EpidemicHistory History(int lastDay, IEnumerable<CaseReport>? cases = null, IEnumerable<ScreeningRound>? screenings = null)
    {
        var builder = new EpidemicHistoryBuilder(Tree, Day0);
        foreach (var c in cases ?? new List<CaseReport>())
        {
            builder.Add(c);
        }

        foreach (var s in screenings ?? new List<ScreeningRound>())
        {
            builder.Add(s);
        }

        return builder.Build(Day(lastDay));
    }
}
