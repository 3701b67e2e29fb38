using System;
using System.Globalization;
using System.Linq;
using System.Reflection;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Risk;

/// <summary>Risk reasons explain themselves in Chinese and English through the library's one bilingual rule.</summary>
public class RiskReasonTextTests
{
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo En = CultureInfo.GetCultureInfo("en-GB");

    public static TheoryData<string> Codes()
    {
        var data = new TheoryData<string>();
        foreach (var field in typeof(RiskReasonCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            data.Add((string)field.GetValue(null)!);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Describe_EveryBuiltInCode_HasASentenceInEachLanguage(string code)
    {
        var reason = new RiskReason(code, "risk-areas");

        var zh = reason.Describe(Zh);
        var en = reason.Describe(En);

        zh.Should().NotBe(code).And.MatchRegex(@"\p{IsCJKUnifiedIdeographs}", "the Chinese text is Chinese");
        en.Should().NotBe(code).And.NotMatchRegex(@"\p{IsCJKUnifiedIdeographs}");
        reason.Describe(CultureInfo.GetCultureInfo("zh-TW")).Should().Be(zh, "the one rule: any zh culture gets the Simplified Chinese");
        reason.Describe(CultureInfo.GetCultureInfo("fr-FR")).Should().Be(en);
    }

    [Fact]
    public void Describe_ShowsTheEvidence_TheCaseIdOnlyRedacted()
    {
        var reason = new RiskReason(RiskReasonCodes.ActivityPlaceOfCase, "risk-areas")
        {
            CaseId = "p-0001",
            Zone = ZoneId.From("500101-001-02"),
            EvidenceDate = new LocalDate(2022, 7, 3),
        };

        reason.Describe(Zh).Should().Be($"病例工作或活动场所（病例 {reason.RedactedCaseId}，区域 500101-001-02，2022-07-03）");
        reason.Describe(En).Should().Be($"a place where a case worked or stayed ({reason.RedactedCaseId}, zone 500101-001-02, 2022-07-03)");
        reason.Describe(En).Should().NotContain("p-0001");
    }

    [Fact]
    public void Describe_AVendorsCode_IsShownAsItIs_AndNullCultureIsRejected()
    {
        new RiskReason("FloodZone", "vendor").Describe(En).Should().Be("FloodZone");
        FluentActions.Invoking(() => new RiskReason("FloodZone", "vendor").Describe(null!)).Should().Throw<ArgumentNullException>().WithParameterName("culture");
    }
}
