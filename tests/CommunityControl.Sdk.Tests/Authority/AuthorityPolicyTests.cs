using System;
using System.Linq;
using CommunityControl.Authority;
using CommunityControl.Zones;
using FluentAssertions;
using NodaTime;
using Xunit;

namespace CommunityControl.Tests.Authority;

public class AuthorityPolicyTests
{
    private static readonly Instant Noon = Instant.FromUtc(2020, 2, 20, 4, 0);
    private static readonly AuthorityPolicy China = AuthorityPolicy.ChinaInfectiousDiseaseLaw2013;

    [Fact]
    public void HoldersOf_CompelIsolation_IsThePoliceOnly_Article39()
    {
        China.HoldersOf(Permissions.CompelIsolation, Noon, measuresInForce: true).Should().Be(Roles.Police);
        China.Grants.Single(g => (g.Permissions & Permissions.CompelIsolation) != 0).Basis.Should().BeSameAs(LegalBasis.InfectiousDiseaseLawArticle39);
    }

    [Fact]
    public void HoldersOf_OrderCentralizedQuarantine_IsTheCdc_Article40()
    {
        China.HoldersOf(Permissions.OrderCentralizedQuarantine, Noon).Should().Be(Roles.Cdc);
        China.HoldersOf(Permissions.OrderHomeObservation, Noon).Should().Be(Roles.HealthWorker | Roles.Cdc);
    }

    [Fact]
    public void PermissionsOf_CommunityRolesByPosition_CheckAndRegisterOnly_Article9()
    {
        foreach (var role in new[] { Role.GridWorker, Role.PropertyStaff, Role.DeployedCadre, Role.PartyMemberVolunteer, Role.Volunteer, Role.HomeownersCommitteeMember })
        {
            China.PermissionsOf(role, Noon).Should().Be(Permissions.Check | Permissions.Register, role.ToString());
        }

        China.PermissionsOf(Role.CommunityWorker, Noon).Should().Be(Permissions.Check | Permissions.Register | Permissions.ApproveExit);
    }

    [Fact]
    public void PermissionsOf_WhileMeasuresInForce_EveryRoleMayDenyEntry_Article42()
    {
        China.PermissionsOf(Role.Volunteer, Noon, measuresInForce: false).Should().NotHaveFlag(Permissions.DenyEntry);
        China.PermissionsOf(Role.Volunteer, Noon, measuresInForce: true).Should().HaveFlag(Permissions.DenyEntry);
        China.PermissionsOf(Role.Unknown, Noon, measuresInForce: true).Should().Be(Permissions.None);
    }

    [Fact]
    public void PermissionsOf_NobodySealsABuildingByPosition()
    {
        China.HoldersOf(Permissions.SealBuilding, Noon, measuresInForce: true).Should().Be(Roles.None);
    }

    [Fact]
    public void WithGrant_TimeBounded_AppliesFromStartInclusiveToEndExclusive()
    {
        var from = Instant.FromUtc(2022, 7, 1, 0, 0);
        var to = Instant.FromUtc(2022, 7, 8, 0, 0);
        var policy = China.WithGrant(new AuthorityGrant(Role.CommunityWorker, Permissions.SealBuilding, LegalBasis.InfectiousDiseaseLawArticle42, new Interval(from, to), decidedBy: "区防控指挥部"));

        policy.PermissionsOf(Role.CommunityWorker, from - Duration.Epsilon).Should().NotHaveFlag(Permissions.SealBuilding);
        policy.PermissionsOf(Role.CommunityWorker, from).Should().HaveFlag(Permissions.SealBuilding);
        policy.PermissionsOf(Role.CommunityWorker, to - Duration.Epsilon).Should().HaveFlag(Permissions.SealBuilding);
        policy.PermissionsOf(Role.CommunityWorker, to).Should().NotHaveFlag(Permissions.SealBuilding);
        policy.HoldersOf(Permissions.SealBuilding, from).Should().Be(Roles.CommunityWorker);
    }

    [Fact]
    public void PermissionsAtGate_ScopedGrant_CoversOnlyItsSubtree()
    {
        var tree = new ZoneTreeBuilder()
            .Add("c1", ZoneKind.Community)
            .Add("c1-a", ZoneKind.Compound, parent: "c1", gates: 1)
            .Add("c1-a-1", ZoneKind.Building, parent: "c1-a")
            .Add("c1-b", ZoneKind.Compound, parent: "c1", gates: 1)
            .Build();
        var policy = new AuthorityPolicyBuilder(China)
            .Grant(Role.PropertyStaff, Permissions.SealBuilding, LegalBasis.InfectiousDiseaseLawArticle41, new Interval(Noon, Noon + Duration.FromDays(7)), ZoneId.From("c1-a"))
            .Build();

        policy.PermissionsAtGate(Role.PropertyStaff, Noon, tree, tree.GetIndex(ZoneId.From("c1-a-1")), false).Should().HaveFlag(Permissions.SealBuilding);
        policy.PermissionsAtGate(Role.PropertyStaff, Noon, tree, tree.GetIndex(ZoneId.From("c1-b")), false).Should().NotHaveFlag(Permissions.SealBuilding);
        policy.PermissionsOf(Role.PropertyStaff, Noon).Should().NotHaveFlag(Permissions.SealBuilding, "a scoped grant needs a zone");
    }

    [Fact]
    public void AuthorityGrant_BasisDoesNotAllowPermission_Throws()
    {
        var act = () => new AuthorityGrant(Role.Volunteer, Permissions.CompelIsolation, LegalBasis.InfectiousDiseaseLawArticle9);

        act.Should().Throw<ModelValidationException>().Which.Failures.Should().ContainSingle(f => f.Contains("does not allow", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SeveralBadGrants_ReportsEveryProblem()
    {
        var builder = new AuthorityPolicyBuilder("test")
            .Grant(Role.Unknown, Permissions.Check, LegalBasis.InfectiousDiseaseLawArticle9)
            .Grant(Role.Police, Permissions.None, LegalBasis.InfectiousDiseaseLawArticle39)
            .Grant(Role.Volunteer, Permissions.SealBuilding, LegalBasis.InfectiousDiseaseLawArticle9);

        var failures = builder.Invoking(b => b.Build()).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().HaveCount(3);
        failures[0].Should().StartWith("grant #1 (role)");
        failures[1].Should().StartWith("grant #2 (permissions)");
        failures[2].Should().StartWith("grant #3 (permissions)");
    }

    [Fact]
    public void FromOptions_BadGrants_ReportsEveryProblemWithPath()
    {
        var options = new AuthorityPolicyOptions
        {
            Base = "nonsense",
            Grants =
            {
                new AuthorityGrantOptions { Role = Role.Police, Permissions = { Permissions.CompelIsolation }, Basis = "no-such-law" },
                new AuthorityGrantOptions { Role = Role.Volunteer, Permissions = { Permissions.Check }, Basis = "cn-idl-2013-art9", From = Noon, To = Noon },
            },
        };

        var failures = FluentActions.Invoking(() => AuthorityPolicy.FromOptions(options)).Should().Throw<ModelValidationException>().Which.Failures;

        failures.Should().BeEquivalentTo(new[]
        {
            "$.base: The value is not a base authority policy; use cn-infectious-disease-law-2013 or none.",
            "$.grants[0].basis: The value is not a known legal basis id.",
            "$.grants[1].to: The end of a grant must be after its start.",
        });
    }

    [Fact]
    public void LegalBases_CoverTheArticlesOfSection4()
    {
        LegalBasis.All.Where(b => b.InstrumentZh == "传染病防治法").Select(b => b.Article).Should().Equal(9, 39, 40, 41, 42, 43);
        LegalBasis.InfectiousDiseaseLawArticle39.ToString().Should().Be("传染病防治法 Art. 39");
    }

    [Fact]
    public void AuthorityText_NamesRolesAndPermissions()
    {
        AuthorityText.NameZh(Role.Police).Should().Be("公安民警");
        AuthorityText.Describe(Roles.HealthWorker | Roles.Cdc, chinese: false).Should().Be("health worker, CDC staff");
        AuthorityText.Describe(Permissions.CompelIsolation, chinese: true).Should().Be("强制隔离");
        AuthorityText.ToSet(Role.Cdc).Should().Be(Roles.Cdc);
    }
}
