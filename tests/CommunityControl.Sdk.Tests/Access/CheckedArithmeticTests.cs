using System;
using CommunityControl.Access;
using CommunityControl.Authority;
using CommunityControl.Editions;
using CommunityControl.Measures;
using CommunityControl.Risk;
using CommunityControl.Testing;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Access;

/// <summary>
/// The library builds with checked arithmetic; range checks written as unsigned casts must not turn a bad value into
/// an <see cref="OverflowException"/>.
/// </summary>
public class CheckedArithmeticTests
{
    [Fact]
    public void Evaluate_NegativeZoneIndexOrUndefinedEnums_IsNeverAnOverflow()
    {
        var tree = TestCommunities.Create(compounds: 1, buildingsPerCompound: 1);
        var snapshot = RiskSnapshot.Uniform(tree, new LocalDate(2022, 7, 1), RiskScales.ChinaLowMediumHigh, RiskLevel.FromSeverity(1));
        var policy = AccessPolicy.Create(PolicyEditions.Get("cn-2022-06-ninth-edition").Measures!);
        var request = new AccessRequest
        {
            ZoneIndex = -1,
            Direction = GateDirection.Entry,
            At = Instant.FromUtc(2022, 7, 1, 2, 0),
            Person = PersonId.From("p-1"),
            Category = PersonCategory.Resident,
            Operator = (Role)(-3),
            HealthCode = (HealthCodeColour)(-1),
        };

        var act = () => policy.Evaluate(in request, snapshot);

        act.Should().NotThrow<OverflowException>();
        AuthorityText.NameEn((Role)(-3)).Should().NotBeNull();
    }
}
