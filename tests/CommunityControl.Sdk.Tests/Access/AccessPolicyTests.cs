using System;
using System.Globalization;
using System.Linq;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

public class AccessPolicyTests
{
    private static readonly AccessPolicy Wuhan = AccessPolicy.Create(TableAt(High, MeasureFragments.GetGate("wuhan-2020-02")));

    [Fact]
    public void Evaluate_DecisionMessages_AreBuiltOnlyWhenAsked_InChineseAndEnglish()
    {
        var request = Resident(GateDirection.Entry) with { TemperatureCelsius = 37.8 };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        var zh = decision.Explain(CultureInfo.GetCultureInfo("zh-CN"));
        var en = decision.Explain(CultureInfo.InvariantCulture);
        zh.Select(m => m.Code).Should().Equal("FeverAboveThreshold", "Register", "ReportFeverToCommunity");
        zh[0].Text.Should().Be("体温高于规定阈值");
        en[0].Text.Should().Be("Temperature above the threshold");
        en[1].Kind.Should().Be(AccessMessageKind.Obligation);
        decision.Describe(CultureInfo.InvariantCulture).Should().Be("Deny: Temperature above the threshold; Register; Report the fever to the community");
        decision.Describe(CultureInfo.GetCultureInfo("zh-CN")).Should().Be("不予通行：体温高于规定阈值；登记；向社区报告发热情况");
        decision.ToString().Should().Be("Deny: FeverAboveThreshold; Register, ReportFeverToCommunity");
    }

    [Fact]
    public void Explain_Escalation_NamesWhoHoldsThePower()
    {
        var request = Resident(GateDirection.Exit) with { Status = MonitoringStatus.HomeIsolation, RefusesOrder = true, Purpose = OutingPurpose.MedicalCare };

        var decision = Wuhan.Evaluate(in request, Uniform(High));

        decision.Explain(CultureInfo.InvariantCulture)[^1].Text.Should().Be("Needs: compel isolation; escalate to: police");
        decision.Explain(CultureInfo.GetCultureInfo("zh-CN"))[^1].Text.Should().Be("需要权限：强制隔离；移交：公安民警");
    }

    [Fact]
    public void Evaluate_TimeBoundedGrant_LetsTheOperatorActOnlyWhileValid()
    {
        var ninth = PolicyEditions.China.NinthEdition.Measures!;
        var grant = new AuthorityGrant(Role.CommunityWorker, Permissions.OrderHomeObservation, LegalBasis.InfectiousDiseaseLawArticle40,
            new Interval(Noon - Duration.FromHours(1), Noon + Duration.FromHours(1)), decidedBy: "区卫生健康委");
        var policy = AccessPolicy.Create(ninth, AuthorityPolicy.ChinaInfectiousDiseaseLaw2013.WithGrant(grant));
        var now = Resident(GateDirection.Entry) with { Exposure = ExposureCategory.ArrivedFromMediumRiskArea };
        var later = now with { At = Noon + Duration.FromHours(1) };

        policy.Evaluate(in now, Uniform(Low)).Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        var escalated = policy.Evaluate(in later, Uniform(Low));
        escalated.Outcome.Should().Be(AccessOutcome.Escalate);
        escalated.EscalateTo.Should().Be(Roles.HealthWorker | Roles.Cdc);
    }

    [Fact]
    public void Evaluate_DoesNotAllocate()
    {
        var ledger = new InMemoryOutingLedger();
        var policy = AccessPolicy.Create(TableAt(Medium, new MeasureSet
        {
            OutingQuota = MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling),
            TemperatureCheck = new TemperatureCheck { OnExit = true },
            HealthCodeCheck = new HealthCodeCheck { OnExit = true },
            NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020"),
            PassRequirement = new PassRequirement(),
        }));
        var snapshot = Uniform(Medium);
        ledger.TryStartOuting(Household, Spouse, Noon - Duration.FromHours(1), 1, Duration.FromDays(2), out _);
        var requests = new[]
        {
            Resident(GateDirection.Exit),
            Resident(GateDirection.Exit) with { TemperatureCelsius = double.NaN, HealthCode = HealthCodeColour.Red, HasPass = false },
            Resident(GateDirection.Entry, at: Local(23, 0)),
            Visitor(),
            Resident(GateDirection.Exit) with { Status = MonitoringStatus.HomeIsolation, RefusesOrder = true, Operator = Role.Volunteer },
            Visitor() with { Direction = GateDirection.Exit, Status = MonitoringStatus.CentralizedQuarantine, TemperatureCelsius = 80 },
            Courier() with { TemperatureCelsius = double.NegativeInfinity },
        };
        for (var i = 0; i < 100; i++)
        {
            foreach (var r in requests)
            {
                policy.Evaluate(in r, snapshot, ledger);
            }
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            foreach (var r in requests)
            {
                policy.Evaluate(in r, snapshot, ledger);
            }
        }

        (GC.GetAllocatedBytesForCurrentThread() - before).Should().Be(0);
    }

    [Fact]
    public void Evaluate_BadRequests_ThrowArgumentExceptionsNamingTheArgument()
    {
        var outside = Resident(GateDirection.Entry) with { ZoneIndex = Tree.Count };
        var noDirection = Resident(GateDirection.Unknown);
        var noCategory = Resident(GateDirection.Entry) with { Category = PersonCategory.Unknown };
        var undefined = Resident(GateDirection.Entry) with { Purpose = (OutingPurpose)99 };
        var request = Resident(GateDirection.Entry);

        FluentActions.Invoking(() => Wuhan.Evaluate(in outside, Uniform(High))).Should().Throw<ArgumentException>().WithParameterName("request");
        FluentActions.Invoking(() => Wuhan.Evaluate(in noDirection, Uniform(High))).Should().Throw<ArgumentException>().WithParameterName("request");
        FluentActions.Invoking(() => Wuhan.Evaluate(in noCategory, Uniform(High))).Should().Throw<ArgumentException>().WithParameterName("request");
        FluentActions.Invoking(() => Wuhan.Evaluate(in undefined, Uniform(High))).Should().Throw<ArgumentException>().WithParameterName("request");
        FluentActions.Invoking(() => Wuhan.Evaluate(in request, null!)).Should().Throw<ArgumentNullException>().WithParameterName("snapshot");
        FluentActions.Invoking(() => Wuhan.Evaluate(in request, Uniform(RiskLevel.FromSeverity(2), RiskScales.ChinaThreeZones)))
            .Should().Throw<ArgumentException>().WithParameterName("snapshot").WithMessage("*cn-three-zones*");
    }

    [Fact]
    public void AccessPolicyJson_ReadsMeasuresAndGrants_AndRoundTrips()
    {
        const string json = """
            {
              "measures": {
                "edition": "local-2020-02",
                "scale": "cn-low-medium-high",
                "levels": {
                  "High": {
                    "temperatureCheck": { "reportAboveCelsius": 37.3 },
                    "visitors": { "policy": "Barred" }
                  }
                }
              },
              "authority": {
                "grants": [
                  { "role": "Volunteer", "permissions": ["SealBuilding"], "basis": "cn-idl-2013-art42",
                    "from": "2022-07-01T00:00:00Z", "to": "2022-07-08T00:00:00Z", "scope": "c1-a", "decidedBy": "区防控指挥部" }
                ]
              }
            }
            """;

        var policy = AccessPolicyJson.Parse(json);
        var back = AccessPolicyJson.Parse(AccessPolicyJson.ToJson(policy));

        policy.Measures.For(High).TemperatureCheck!.OnEntry.Should().BeTrue("an absent field keeps the documented default");
        policy.Authority.Grants[^1].Scope.Value.Should().Be("c1-a");
        back.Authority.Grants.Should().HaveCount(policy.Authority.Grants.Count);
        AccessPolicyJson.ToJson(back).Should().Be(AccessPolicyJson.ToJson(policy));
        var visitor = Visitor();
        policy.Evaluate(in visitor, Uniform(High)).Reasons.Should().Be(AccessReasons.VisitorBarred);
    }

    [Fact]
    public void AccessPolicyJson_EveryProblemHasItsPathAndLine()
    {
        const string json = """
            {
              "measures": {
                "scale": "cn-low-medium-high",
                "levels": { "High": { "outingQuota": { "persons": 0 } } }
              },
              "authority": { "grants": [ { "role": "Police", "permissions": ["CompelIsolation"], "basis": "nope" } ] }
            }
            """;

        var problems = FluentActions.Invoking(() => AccessPolicyJson.Parse(json)).Should().Throw<DocumentFormatException>().Which.Problems;

        problems.Select(p => (p.Path, p.LineNumber)).Should().Equal(
            ("$.measures.levels.High.outingQuota.persons", 4L),
            ("$.authority.grants[0].basis", 6L));
    }

    [Fact]
    public void FromOptions_WithoutMeasures_IsRejected()
    {
        FluentActions.Invoking(() => AccessPolicy.FromOptions(new AccessPolicyOptions())).Should().Throw<ModelValidationException>()
            .Which.Failures.Should().Equal("$.measures: The measure table is required.");
    }

    [Theory]
    [InlineData("13800138000")]
    [InlineData("110105194912310021")]
    [InlineData("11010519491231002X")]
    [InlineData("110105491231002")]
    public void PersonId_ShapedLikeAPhoneOrIdNumber_IsRejectedWithoutEchoingIt(string value)
    {
        var ex = FluentActions.Invoking(() => PersonId.From(value)).Should().Throw<ArgumentException>().WithParameterName(nameof(value)).Which;

        ex.Message.Should().NotContain(value);
        FluentActions.Invoking(() => HouseholdId.From(value)).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void AccessRequest_ToString_ShowsNoId()
    {
        var request = Resident(GateDirection.Exit);

        request.ToString().Should().Be($"Exit of a Resident (Shopping) at zone #{CompoundA}");
        request.ToString().Should().NotContain(Person.Value).And.NotContain(Household.Value);
    }
}
