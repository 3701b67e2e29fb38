using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>One running service for every GateService test class (they run one after the other).</summary>
[CollectionDefinition(Name)]
public sealed class RunningGateService : ICollectionFixture<GateServiceFixture>
{
    public const string Name = "GateService";
}
