using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using CommunityControl.Samples.GateService;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.GateService;

/// <summary>The host itself: health, unknown routes, and the start-up checks that keep bad configuration out.</summary>
[Collection(RunningGateService.Name)]
public sealed class GateServiceAppTests(GateServiceFixture service)
{
    [Fact]
    public async Task Health_Get_IsHealthyWithThePinnedEdition()
    {
        var (status, _, body, _) = await service.GetAsync("/health");

        status.Should().Be(200);
        body["status"]!.GetValue<string>().Should().Be("Healthy");
        body["edition"]!.GetValue<string>().Should().Be("cn-2022-06-ninth-edition");
    }

    [Fact]
    public async Task UnknownRoute_Get_Is404ProblemNot500()
    {
        var (status, contentType, _, _) = await service.GetAsync("/zones");

        status.Should().Be(404);
        contentType.Should().Be("application/problem+json");
    }

    [Theory]
    [InlineData("http://0.0.0.0:0")]
    [InlineData("http://localhost:0")]
    [InlineData("http://127.0.0.1:0;http://192.168.1.10:0")]
    public void Build_AddressBeyondLoopback_IsRefused(string urls)
    {
        var build = () => GateServiceApp.Build(GateServiceFixture.Args("--urls", urls));

        build.Should().Throw<InvalidOperationException>().WithMessage("*loopback*");
    }

    [Fact]
    public void Build_UnknownEdition_FailsAtStartUp()
    {
        var build = () => GateServiceApp.Build(GateServiceFixture.Args("--GateService:EditionId=cn-2099-imaginary"));

        build.Should().Throw<KeyNotFoundException>().WithMessage("*cn-2099-imaginary*");
    }

    [Fact]
    public void Build_EditionOnAnotherScale_FailsAtStartUpNamingTheScale()
    {
        // The staffing policy is written on cn-low-medium-high; the CDC edition grades on another scale.
        var build = () => GateServiceApp.Build(GateServiceFixture.Args("--GateService:EditionId=us-cdc-community-levels-2022", "--GateService:LocalMeasuresFile="));

        build.Should().Throw<DocumentFormatException>().Which.Problems.Should().Contain(p => p.Path == "$.scale");
    }
}
