using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CommunityControl.DependencyInjection;
using CommunityControl.Editions;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.DependencyInjection;

/// <summary>The options pattern: IOptions, binding from configuration, validation at start-up with every failure.</summary>
public class CommunityControlOptionsTests
{
    [Fact]
    public void Defaults_AreDocumented()
    {
        var options = new CommunityControlOptions();

        options.Jurisdiction.Should().Be("CN");
        options.EditionId.Should().BeNull();
        options.TimeZone.Id.Should().Be("Asia/Shanghai");
        options.IncludeBuiltInEditions.Should().BeTrue();
        options.RequireAccess.Should().BeTrue();
        options.RequireStaffing.Should().BeFalse();
        options.Editions.Should().BeEmpty();
        options.EditionFiles.Should().BeEmpty();
    }

    [Fact]
    public void Configuration_BindsEveryKey()
    {
        using var provider = Provider(FakeClock.FromUtc(2022, 7, 1), new()
        {
            ["CommunityControl:Jurisdiction"] = "US",
            ["CommunityControl:EditionId"] = "cn-2022-three-zones",
            ["CommunityControl:TimeZone"] = "Asia/Urumqi",
            ["CommunityControl:IncludeBuiltInEditions"] = "True",
        });

        var options = provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        options.Jurisdiction.Should().Be("US");
        options.EditionId.Should().Be("cn-2022-three-zones");
        options.TimeZone.Id.Should().Be("Asia/Urumqi");
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-three-zones");
    }

    [Fact]
    public void Configuration_EmptyStringsMeanUnset()
    {
        using var provider = Provider(FakeClock.FromUtc(2022, 7, 1), new()
        {
            ["CommunityControl:Jurisdiction"] = "",
            ["CommunityControl:EditionId"] = "",
            ["CommunityControl:TimeZone"] = " ",
            ["CommunityControl:IncludeBuiltInEditions"] = "",
            ["CommunityControl:EditionFiles:0"] = "",
        });

        var options = provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        options.Jurisdiction.Should().Be("CN");
        options.EditionId.Should().BeNull();
        options.TimeZone.Id.Should().Be("Asia/Shanghai");
        options.EditionFiles.Should().BeEmpty();
        provider.GetRequiredService<EditionSelector>().Pinned.Should().BeNull("an empty EditionId chooses by date");
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-06-ninth-edition", "on 2022-07-01 the ninth edition is in force in CN");
    }

    [Fact]
    public void EmptyEditionIdInCode_ChoosesByDate()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClock.FromUtc(2022, 7, 1)).AddCommunityControl(o => o.EditionId = "");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("cn-2022-06-ninth-edition");
    }

    [Fact]
    public void Configuration_EveryBadValue_InOneException()
    {
        using var provider = Provider(FakeClock.FromUtc(2022, 7, 1), new()
        {
            ["CommunityControl:EditonId"] = "cn-2022-three-zones",
            ["CommunityControl:TimeZone"] = "Asia/Shanghia",
            ["CommunityControl:IncludeBuiltInEditions"] = "yes",
            ["CommunityControl:EditionFiles:0"] = "no-such-folder/no-such.edition.json",
        });

        var act = () => provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().HaveCount(4)
            .And.Contain(f => f.StartsWith("CommunityControl:EditonId is not a setting", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("CommunityControl:TimeZone 'Asia/Shanghia'", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("CommunityControl:IncludeBuiltInEditions 'yes'", StringComparison.Ordinal))
            .And.Contain(f => f.StartsWith("EditionFiles[0] 'no-such-folder/no-such.edition.json'", StringComparison.Ordinal));
    }

    [Fact]
    public void Configuration_EditionFiles_AddEditionsByFile()
    {
        var file = RepositoryRoot.Combine("samples", "PolicyTests", "my-city.edition.json");
        using var provider = Provider(FakeClock.FromUtc(2022, 8, 1), new()
        {
            ["CommunityControl:Jurisdiction"] = "CN-MyCity",
            ["CommunityControl:EditionFiles:0"] = file,
        });

        provider.GetRequiredService<EditionCatalog>().TryGet("my-city-2022-07-ninth-edition-local", out _).Should().BeTrue();
        provider.GetRequiredService<PolicyEdition>().Id.Should().Be("my-city-2022-07-ninth-edition-local", "the city's edition is in force from 2022-07-15");
    }

    [Fact]
    public void Configuration_EditionFileWithProblems_NamesTheFileAndThePath()
    {
        var file = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-options-{Guid.NewGuid():N}.edition.json");
        System.IO.File.WriteAllText(file, "{\n  \"id\": \"x\",\n  \"unknownField\": 1\n}\n");
        try
        {
            using var provider = Provider(FakeClock.FromUtc(2022, 7, 1), new() { ["CommunityControl:EditionFiles:0"] = file });

            var act = () => provider.GetRequiredService<EditionCatalog>();

            act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
                .Which.Should().StartWith($"EditionFiles[0] '{file}'").And.Contain("$.unknownField");
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    [Fact]
    public async Task Host_UnpinnedJurisdictionWithNoEditionInForceToday_FailsAtStart()
    {
        // The CDC community levels ended in May 2023: in 2026, "US" chosen by date would fail every request.
        using var host = BuildHost(FakeClock.FromUtc(2026, 1, 1), new() { ["CommunityControl:Jurisdiction"] = "US" });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().ContainSingle()
            .Which.Should().Contain("'US' is certainly in force today (2026-01-01)").And.Contain("us-cdc-community-levels-2022");
    }

    [Fact]
    public async Task Host_PinnedOrInForce_Starts()
    {
        using var pinned = BuildHost(FakeClock.FromUtc(2026, 1, 1), new() { ["CommunityControl:Jurisdiction"] = "US", ["CommunityControl:EditionId"] = "us-cdc-community-levels-2022" });
        using var byDate = BuildHost(FakeClock.FromUtc(2022, 7, 1), new() { ["CommunityControl:Jurisdiction"] = "US" });

        await pinned.StartAsync();
        await byDate.StartAsync();

        pinned.Services.GetRequiredService<PolicyEdition>().Id.Should().Be("us-cdc-community-levels-2022");
        byDate.Services.GetRequiredService<PolicyEdition>().Id.Should().Be("us-cdc-community-levels-2022", "the community levels were in force on 2022-07-01");
        await pinned.StopAsync();
        await byDate.StopAsync();
    }

    [Fact]
    public void BuiltInEditions_EachHasAnAccessPolicy_SoTheDefaultRequireAccessStartsWithAny()
    {
        foreach (var id in PolicyEditions.Ids)
        {
            using var provider = new ServiceCollection().AddCommunityControl(o => o.EditionId = id).BuildServiceProvider();

            provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value.Should().NotBeNull();
            provider.GetRequiredService<CommunityControl.Access.AccessPolicy>().Should().NotBeNull(id);
        }
    }

    [Fact]
    public async Task Host_EveryConfigurationThatWouldFailEveryRequest_FailsAtStart_InOneException()
    {
        // A risk-only edition (no measures, so no access policy) pinned, staffing required, and no jurisdiction: each of
        // these would have started and then thrown on every gate or staffing request.
        var riskOnly = RiskOnly("cn-test-risk-only", "CN", "2020-01-01");
        using var host = BuildHost(FakeClock.FromUtc(2022, 7, 1), new() { ["CommunityControl:EditionId"] = riskOnly.Id, ["CommunityControl:RequireStaffing"] = "true" }, o =>
        {
            o.Editions.Add(riskOnly);
            o.Jurisdiction = " ";
        });

        var act = () => host.StartAsync();

        (await act.Should().ThrowAsync<OptionsValidationException>()).Which.Failures.Should().HaveCount(3)
            .And.Contain(f => f.StartsWith("Jurisdiction is required", StringComparison.Ordinal))
            .And.Contain($"Edition '{riskOnly.Id}' has no access policy (no measures or access part), so every gate request would fail: attach one (WithAccess, or a measures or access section), or set RequireAccess to false if the host has no gates.")
            .And.Contain(f => f.StartsWith($"Edition '{riskOnly.Id}' has no staffing policy, so every staffing request would fail", StringComparison.Ordinal));
    }

    [Fact]
    public void ByDate_ALaterEditionWithoutAPartTheHostRequires_FailsAtStart_NamingItsFirstDay()
    {
        // Today's edition is complete; the one the selector switches to on 2030-01-01 has no access policy.
        var later = RiskOnly("cn-test-later", "CN", "2030-01-01");
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClock.FromUtc(2026, 1, 1)).AddCommunityControl(o => o.Editions.Add(later));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().ContainSingle()
            .Which.Should().StartWith($"Edition '{later.Id}' has no access policy (no measures or access part), so from 2030-01-01 every gate request would fail");
    }

    [Fact]
    public void RequireAccessFalse_ARiskOnlyEditionStarts_AndOnlyTheAccessPolicyIsRefused()
    {
        var riskOnly = RiskOnly("cn-test-risk-only", "CN", "2020-01-01");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["RequireAccess"] = "false", ["EditionId"] = riskOnly.Id }).Build();
        var services = new ServiceCollection().AddCommunityControl(o => o.Editions.Add(riskOnly)).AddCommunityControl(configuration);
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value.RequireAccess.Should().BeFalse();
        provider.GetRequiredService<CommunityControl.Risk.RiskPolicy>().Should().BeSameAs(riskOnly.Risk);
        FluentActions.Invoking(() => provider.GetRequiredService<CommunityControl.Access.AccessPolicy>()).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void Configuration_RequireFlags_BadValues_AreFailures()
    {
        using var provider = Provider(FakeClock.FromUtc(2022, 7, 1), new() { ["CommunityControl:RequireAccess"] = "no", ["CommunityControl:RequireStaffing"] = "1" });

        var act = () => provider.GetRequiredService<IOptions<CommunityControlOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().BeEquivalentTo(
            "CommunityControl:RequireAccess 'no' is not true or false.",
            "CommunityControl:RequireStaffing '1' is not true or false.");
    }

    [Fact]
    public void NullEditionAmongTheHostsEditions_IsOneFailure_NotAnExceptionPerRequest()
    {
        var services = new ServiceCollection().AddSingleton<IClock>(FakeClock.FromUtc(2022, 7, 1)).AddCommunityControl(o => o.Editions.Add(null!));
        using var provider = services.BuildServiceProvider();

        var act = () => provider.GetRequiredService<EditionCatalog>();

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal("Editions[0] is null.");
    }

    [Fact]
    public void ConfigurationOverload_NullArguments_ThrowNamingThem()
    {
        var configuration = new ConfigurationBuilder().Build();

        FluentActions.Invoking(() => ((IServiceCollection)null!).AddCommunityControl(configuration))
            .Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => new ServiceCollection().AddCommunityControl((IConfiguration)null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }

    private static ServiceProvider Provider(IClock clock, Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddSingleton(clock).AddCommunityControl(configuration.GetSection("CommunityControl")).BuildServiceProvider();
    }

    private static IHost BuildHost(IClock clock, Dictionary<string, string?> settings, Action<CommunityControlOptions>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton(clock).AddCommunityControl(builder.Configuration.GetSection("CommunityControl"));
        if (configure is not null)
        {
            builder.Services.Configure(configure);
        }

        return builder.Build();
    }

    // An edition with a risk part only (no measures, access or staffing), as a host's risk-only document would be.
    private static PolicyEdition RiskOnly(string id, string jurisdiction, string effective)
    {
        var document = PolicyEditions.GetDocument(PolicyEditions.China.NinthEditionId);
        var node = System.Text.Json.Nodes.JsonNode.Parse(document)!.AsObject();
        foreach (var name in new[] { "measures", "access", "staffing" })
        {
            node.Remove(name);
        }

        node["id"] = id;
        node["jurisdiction"] = jurisdiction;
        node["effective"] = new System.Text.Json.Nodes.JsonObject { ["from"] = effective };
        return CommunityControl.Serialization.PolicyEditionJson.Parse(node.ToJsonString());
    }
}
