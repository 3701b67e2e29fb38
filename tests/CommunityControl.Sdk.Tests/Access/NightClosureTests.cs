using CommunityControl.Access;
using CommunityControl.Measures;
using CommunityControl.Serialization;
using FluentAssertions;
using Xunit;
using static CommunityControl.Tests.Access.GateFixture;

namespace CommunityControl.Tests.Access;

/// <summary>Night closures (cn-policy §2 [S38]) at the gate, in the tree's time zone (Asia/Shanghai).</summary>
public class NightClosureTests
{
    private static readonly AccessPolicy Yinchuan = AccessPolicy.Create(TableAt(Medium, new MeasureSet { NightClosure = MeasureFragments.GetNightClosure("yinchuan-2020") }));
    private static readonly AccessPolicy Curfew = AccessPolicy.Create(TableAt(Medium, new MeasureSet { NightClosure = MeasureFragments.GetNightClosure("germany-curfew-2021") }));

    [Theory]
    [InlineData(22, 29, 59, 0, true)]
    [InlineData(22, 30, 0, 0, false)]
    [InlineData(23, 59, 59, 0, false)]
    [InlineData(0, 0, 0, 1, false)]
    [InlineData(6, 29, 59, 1, false)]
    [InlineData(6, 30, 0, 1, true)]
    public void Evaluate_Yinchuan_ClosedFrom2230To0630LocalTime(int hour, int minute, int second, int dayOffset, bool open)
    {
        var entering = Resident(GateDirection.Entry, at: Local(hour, minute, second, dayOffset));
        var leaving = Resident(GateDirection.Exit, at: Local(hour, minute, second, dayOffset));

        var snapshot = UniformOn(dayOffset, Medium);

        Yinchuan.Evaluate(in entering, snapshot).IsAllowed.Should().Be(open);
        Yinchuan.Evaluate(in leaving, snapshot).IsAllowed.Should().Be(open);
        Yinchuan.Evaluate(in leaving, snapshot).Has(AccessReasons.NightClosure).Should().Be(!open);
    }

    [Fact]
    public void Evaluate_ExemptPurposeAtNight_Passes()
    {
        var request = Resident(GateDirection.Exit, OutingPurpose.MedicalCare, Local(23, 0));

        Yinchuan.Evaluate(in request, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
    }

    [Fact]
    public void Evaluate_Curfew_StopsGoingOutButNotComingHome()
    {
        var home = Resident(GateDirection.Entry, at: Local(23, 0));
        var out1 = Resident(GateDirection.Exit, OutingPurpose.Shopping, Local(23, 0));
        var work = Resident(GateDirection.Exit, OutingPurpose.Work, Local(23, 0));

        Curfew.Evaluate(in home, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
        Curfew.Evaluate(in out1, Uniform(Medium)).Reasons.Should().Be(AccessReasons.NightClosure);
        Curfew.Evaluate(in work, Uniform(Medium)).Outcome.Should().Be(AccessOutcome.Allow);
    }
}
