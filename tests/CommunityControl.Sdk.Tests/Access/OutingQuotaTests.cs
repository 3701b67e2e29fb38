using System;
using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using FluentAssertions;
using NodaTime;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>Outing quotas of cn-policy §6.4 at the gate, with the edges of the interval and the longest absence.</summary>
public class OutingQuotaTests
{
    private static readonly AccessPolicy Huanggang = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huanggang-2020", OutingWindowKind.Rolling) }));
    private static readonly AccessPolicy Yangling = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("yangling-2020", OutingWindowKind.Rolling) }));
    private static readonly AccessPolicy Huangshi = AccessPolicy.Create(TableAt(Medium, new MeasureSet { OutingQuota = MeasureFragments.GetOutingQuota("huangshi-2020") }));

    [Theory]
    [InlineData(48 * 60, true)]
    [InlineData((48 * 60) - 1, false)]
    [InlineData(60, false)]
    [InlineData(72 * 60, true)]
    public void Evaluate_OnePersonEveryTwoDays_AnOutingExactly48HoursAgoNoLongerCounts(int minutesSinceLastOuting, bool allowed)
    {
        var ledger = new InMemoryOutingLedger();
        ledger.TryStartOuting(Household, Spouse, Noon - Duration.FromMinutes(minutesSinceLastOuting), 1, Duration.FromDays(2), out _).Should().BeTrue("the last outing is at least two days ago");
        var request = Resident(GateDirection.Exit);

        var decision = Huanggang.Evaluate(in request, Uniform(Medium), ledger);

        decision.IsAllowed.Should().Be(allowed);
        decision.Has(AccessReasons.OutingQuotaExhausted).Should().Be(!allowed);
        decision.Requires(AccessObligations.RecordOuting).Should().Be(allowed);
    }

    [Theory]
    [InlineData(OutingPurpose.MedicalCare)]
    [InlineData(OutingPurpose.EpidemicWork)]
    [InlineData(OutingPurpose.EssentialServiceWork)]
    public void Evaluate_ExemptPurpose_DoesNotCountAgainstTheQuota(OutingPurpose purpose)
    {
        var ledger = new InMemoryOutingLedger();
        ledger.TryStartOuting(Household, Spouse, Noon - Duration.FromHours(1), 1, Duration.FromDays(2), out _);
        var request = Resident(GateDirection.Exit, purpose);

        var decision = Huanggang.Evaluate(in request, Uniform(Medium), ledger);

        decision.Outcome.Should().Be(AccessOutcome.Allow);
        decision.Requires(AccessObligations.RecordOuting).Should().BeFalse();
    }

    [Theory]
    [InlineData(180, false)]
    [InlineData(181, true)]
    public void Evaluate_ReturnAfterTheLongestAbsence_IsLetInAndRegistered_Yangling3Hours(int minutesOut, bool overdue)
    {
        var ledger = new InMemoryOutingLedger();
        ledger.TryStartOuting(Household, Person, Noon - Duration.FromMinutes(minutesOut), 1, Duration.FromDays(2), out _);
        var request = Resident(GateDirection.Entry);

        var decision = Yangling.Evaluate(in request, Uniform(Medium), ledger);

        decision.IsAllowed.Should().BeTrue("a resident is never kept out for coming back late");
        decision.Has(AccessReasons.OutingOverdue).Should().Be(overdue);
        decision.Requires(AccessObligations.Register).Should().Be(overdue);
    }

    [Fact]
    public void Evaluate_QuotaWithMaximumAbsence_TellsTheResidentToReturnInTime()
    {
        var request = Resident(GateDirection.Exit);

        var decision = Yangling.Evaluate(in request, Uniform(Medium), new InMemoryOutingLedger());

        decision.Obligations.Should().Be(AccessObligations.RecordOuting | AccessObligations.ReturnWithinLimit);
    }

    [Fact]
    public void EvaluateAndRecord_OneMemberOut_SecondMemberDenied_ReturnOpensTheQuotaAgain_Huangshi()
    {
        var ledger = new InMemoryOutingLedger();
        var first = Resident(GateDirection.Exit);
        var second = Resident(GateDirection.Exit) with { Person = Spouse, At = Noon + Duration.FromMinutes(5) };
        var back = Resident(GateDirection.Entry, at: Noon + Duration.FromMinutes(30));
        var later = second with { At = Noon + Duration.FromMinutes(31) };

        Huangshi.EvaluateAndRecord(in first, Uniform(Medium), ledger).IsAllowed.Should().BeTrue("Huangshi sets no interval: the first outing passes");
        Huangshi.EvaluateAndRecord(in second, Uniform(Medium), ledger).Reasons.Should().Be(AccessReasons.OutingQuotaExhausted);
        Huangshi.EvaluateAndRecord(in back, Uniform(Medium), ledger).IsAllowed.Should().BeTrue("coming back closes the outing");
        ledger.CountOpenOutings(Household).Should().Be(0);
        Huangshi.EvaluateAndRecord(in later, Uniform(Medium), ledger).IsAllowed.Should().BeTrue("Huangshi sets no interval: a later outing passes once the first is closed");
        ledger.OutingsOf(Household).Should().HaveCount(2);
    }

    [Fact]
    public void EvaluateAndRecord_TwoGatesEvaluatedTheSameSlot_OnlyOneIsRecorded()
    {
        var ledger = new InMemoryOutingLedger();
        var atGate1 = Resident(GateDirection.Exit);
        var atGate2 = Resident(GateDirection.Exit) with { Person = Spouse };

        // Both gates would be allowed when they look; only one outing may be recorded.
        Huanggang.Evaluate(in atGate1, Uniform(Medium), ledger).IsAllowed.Should().BeTrue("Evaluate without recording leaves the quota unused");
        Huanggang.Evaluate(in atGate2, Uniform(Medium), ledger).IsAllowed.Should().BeTrue("Evaluate without recording leaves the quota unused at the second gate too");
        var first = Huanggang.EvaluateAndRecord(in atGate1, Uniform(Medium), ledger);
        var second = Huanggang.EvaluateAndRecord(in atGate2, Uniform(Medium), ledger);

        first.Outcome.Should().Be(AccessOutcome.AllowWithObligations);
        second.Outcome.Should().Be(AccessOutcome.Deny);
        second.Reasons.Should().Be(AccessReasons.OutingQuotaExhausted);
        second.Requires(AccessObligations.RecordOuting).Should().BeFalse();
        ledger.OutingsOf(Household).Should().ContainSingle().Which.Person.Should().Be(Person);
    }

    [Fact]
    public void Evaluate_QuotaWithoutLedger_Throws_AndWithoutHousehold_Throws()
    {
        var request = Resident(GateDirection.Exit);
        var orphan = request with { Household = default };

        FluentActions.Invoking(() => Huanggang.Evaluate(in request, Uniform(Medium))).Should().Throw<ArgumentNullException>().WithParameterName("outings");
        FluentActions.Invoking(() => Huanggang.Evaluate(in orphan, Uniform(Medium), new InMemoryOutingLedger())).Should().Throw<ArgumentException>().WithParameterName("request");
    }

    [Fact]
    public void Evaluate_DoesNotChangeTheLedger()
    {
        var ledger = new InMemoryOutingLedger();
        var request = Resident(GateDirection.Exit);

        Huanggang.Evaluate(in request, Uniform(Medium), ledger);

        ledger.OutingsOf(Household).Should().BeEmpty();
    }
}
