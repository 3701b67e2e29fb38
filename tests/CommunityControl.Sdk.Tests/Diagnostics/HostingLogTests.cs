using System.Linq;
using CommunityControl.Editions;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NodaTime;
using NodaTime.Testing;
using Xunit;

namespace CommunityControl.Tests.Diagnostics;

/// <summary>The hosting layer's log events, read with FakeLogger from Microsoft.Extensions.Diagnostics.Testing.</summary>
public class HostingLogTests
{
    [Fact]
    public void EditionByDate_IsLoggedOnceWithTheEditionInForce()
    {
        using var logs = new FakeLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs))
            .AddSingleton<IClock>(FakeClock.FromUtc(2022, 7, 1))
            .AddCommunityControl();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PolicyEdition>();
        provider.GetRequiredService<PolicyEdition>();

        var record = logs.Collector.GetSnapshot().Should().ContainSingle("the selector is built once").Which;
        record.Level.Should().Be(LogLevel.Information);
        record.Id.Should().Be(new EventId(2, "EditionByDate"));
        record.Category.Should().Be("CommunityControl.Sdk");
        record.StructuredState!.Should().Contain(new[]
        {
            new System.Collections.Generic.KeyValuePair<string, string?>("Jurisdiction", "CN"),
            new System.Collections.Generic.KeyValuePair<string, string?>("EditionId", "cn-2022-06-ninth-edition"),
        });
    }

    [Fact]
    public void PinnedEdition_IsLoggedWithItsId()
    {
        using var logs = new FakeLoggerProvider();
        var services = new ServiceCollection().AddLogging(b => b.AddProvider(logs)).AddCommunityControl(o => o.EditionId = "cn-2022-three-zones");
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EditionSelector>();

        var record = logs.Collector.GetSnapshot().Single();
        record.Id.Id.Should().Be(1);
        record.Message.Should().Be($"CommunityControl uses the pinned edition cn-2022-three-zones ({PolicyEditions.Ids.Count} editions in the catalog).");
    }
}
