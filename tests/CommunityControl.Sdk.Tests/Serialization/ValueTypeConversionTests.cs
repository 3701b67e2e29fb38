using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using CommunityControl.Risk;
using CommunityControl.Zones;
using FluentAssertions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace CommunityControl.Tests.Serialization;

/// <summary>The public value types in hosts: default JSON, TypeConverter, IParsable/ISpanFormattable, minimal-API binding.</summary>
public class ValueTypeConversionTests
{
    private sealed record Body(ZoneId Zone, PersonId Person, HouseholdId Household, RiskLevel Level);

    private sealed class Settings
    {
        public ZoneId Zone { get; set; }

        public RiskLevel Level { get; set; }
    }

    [Fact]
    public void DefaultJson_WritesPlainValues_AndReadsThemBack()
    {
        var body = new Body(ZoneId.From("500101-001-01"), PersonId.From("p-7f3a"), HouseholdId.From("h-0042"), RiskLevel.FromSeverity(3));

        var json = JsonSerializer.Serialize(body);

        json.Should().Be("{\"Zone\":\"500101-001-01\",\"Person\":\"p-7f3a\",\"Household\":\"h-0042\",\"Level\":3}");
        JsonSerializer.Deserialize<Body>(json).Should().Be(body);
    }

    [Fact]
    public void DefaultJson_EmptyIds_RoundTripAsEmptyText()
    {
        var json = JsonSerializer.Serialize(new Body(default, default, default, RiskLevel.None));

        json.Should().Be("{\"Zone\":\"\",\"Person\":\"\",\"Household\":\"\",\"Level\":0}");
        JsonSerializer.Deserialize<Body>(json)!.Zone.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void DefaultJson_IdsAsDictionaryKeys()
    {
        var levels = new Dictionary<ZoneId, RiskLevel> { [ZoneId.From("500101-001-01")] = RiskLevel.FromSeverity(2) };

        var json = JsonSerializer.Serialize(levels);

        json.Should().Be("{\"500101-001-01\":2}");
        JsonSerializer.Deserialize<Dictionary<ZoneId, RiskLevel>>(json).Should().Equal(levels);
    }

    [Theory]
    [InlineData("\"13800138000\"", "pseudonymous person id")]              // shaped like a mobile number: personal data
    [InlineData("\"11010519491231002X\"", "pseudonymous person id")]       // shaped like a resident ID number
    [InlineData("42", "pseudonymous person id as a string")]
    public void DefaultJson_BadPersonId_FailsWithoutRepeatingIt(string value, string expected)
    {
        var act = () => JsonSerializer.Deserialize<PersonId>(value);

        act.Should().Throw<JsonException>().Which.Message.Should().Contain(expected).And.NotContain(value.Trim('"'));
    }

    [Theory]
    [InlineData("\"a b\"")]
    [InlineData("null")]
    [InlineData("{}")]
    public void DefaultJson_BadZoneId_IsAJsonException(string value)
    {
        var act = () => JsonSerializer.Deserialize<ZoneId>(value);

        act.Should().Throw<JsonException>().WithMessage("*zone id*");
    }

    [Theory]
    [InlineData("16")]
    [InlineData("-1")]
    [InlineData("3.5")]
    [InlineData("\"3\"")]
    public void DefaultJson_BadRiskLevel_IsAJsonException(string value)
    {
        var act = () => JsonSerializer.Deserialize<RiskLevel>(value);

        act.Should().Throw<JsonException>().WithMessage("*severity, a whole number from 0 to 15*");
    }

    [Fact]
    public void DefaultJson_RiskLevelEdges_0And15()
    {
        JsonSerializer.Deserialize<RiskLevel>("0").Should().Be(RiskLevel.None);
        JsonSerializer.Deserialize<RiskLevel>("15").Severity.Should().Be(RiskLevel.MaxSeverity);
    }

    [Fact]
    public void TypeConverters_ConvertFromAndToText()
    {
        TypeDescriptor.GetConverter(typeof(ZoneId)).ConvertFromInvariantString("500101-001").Should().Be(ZoneId.From("500101-001"));
        TypeDescriptor.GetConverter(typeof(PersonId)).ConvertToInvariantString(PersonId.From("p-7f3a")).Should().Be("p-7f3a");
        TypeDescriptor.GetConverter(typeof(HouseholdId)).ConvertFromInvariantString("h-1").Should().Be(HouseholdId.From("h-1"));
        TypeDescriptor.GetConverter(typeof(RiskLevel)).ConvertFromInvariantString("Severity 2").Should().Be(RiskLevel.FromSeverity(2));
        TypeDescriptor.GetConverter(typeof(RiskLevel)).ConvertToInvariantString(RiskLevel.FromSeverity(2)).Should().Be("2");

        var act = () => TypeDescriptor.GetConverter(typeof(PersonId)).ConvertFromInvariantString("13800138000");
        act.Should().Throw<FormatException>().Which.Message.Should().NotContain("13800138000");
    }

    [Fact]
    public void ConfigurationBinder_BindsThroughTheTypeConverters()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Zone"] = "500101-001-01", ["Level"] = "3" })
            .Build();

        var settings = configuration.Get<Settings>()!;

        settings.Zone.Should().Be(ZoneId.From("500101-001-01"));
        settings.Level.Should().Be(RiskLevel.FromSeverity(3));
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("9", 9)]
    [InlineData("10", 10)]
    [InlineData("15", 15)]
    [InlineData("Severity 15", 15)]
    public void RiskLevel_Parse_AcceptsSeverities0To15(string text, int severity)
    {
        Parse<RiskLevel>(text).Severity.Should().Be(severity);
    }

    [Theory]
    [InlineData("16")]
    [InlineData("03")]
    [InlineData("-1")]
    [InlineData(" 3")]
    [InlineData("")]
    [InlineData("Severity")]
    [InlineData("High")]
    public void RiskLevel_TryParse_RejectsAnythingElse(string text)
    {
        RiskLevel.TryParse(text, CultureInfo.InvariantCulture, out var level).Should().BeFalse();
        level.Should().Be(RiskLevel.None);
        FluentActions.Invoking(() => RiskLevel.Parse(text, null)).Should().Throw<FormatException>();
    }

    [Fact]
    public void Parse_NullText_ThrowsNamingTheArgument()
    {
        FluentActions.Invoking(() => ZoneId.Parse(null!, null)).Should().Throw<ArgumentNullException>().WithParameterName("s");
        FluentActions.Invoking(() => PersonId.Parse(null!, null)).Should().Throw<ArgumentNullException>().WithParameterName("s");
        FluentActions.Invoking(() => RiskLevel.Parse(null!, null)).Should().Throw<ArgumentNullException>().WithParameterName("s");
    }

    [Fact]
    public void Ids_ParseAsFromDoes()
    {
        Parse<ZoneId>("500101-001-01").Should().Be(ZoneId.From("500101-001-01"));
        Parse<PersonId>("p-7f3a").Should().Be(PersonId.From("p-7f3a"));
        Parse<HouseholdId>("h-0042").Should().Be(HouseholdId.From("h-0042"));
        FluentActions.Invoking(() => Parse<ZoneId>(new string('a', ZoneId.MaxLength + 1))).Should().Throw<FormatException>();
        Parse<ZoneId>(new string('a', ZoneId.MaxLength)).Value.Should().HaveLength(ZoneId.MaxLength, "64 characters is the limit, 65 is past it");
        PersonId.TryParse("13800138000", null, out var person).Should().BeFalse();
        person.IsEmpty.Should().BeTrue();
        HouseholdId.TryParse(null, null, out _).Should().BeFalse();
    }

    [Fact]
    public void SpanFormattable_WritesWithoutAllocatingAndReportsAShortBuffer()
    {
        Span<char> buffer = stackalloc char[16];

        ZoneId.From("500101-001").TryFormat(buffer, out var written, default, null).Should().BeTrue();
        buffer[..written].ToString().Should().Be("500101-001");
        ZoneId.From("500101-001").TryFormat(buffer[..9], out written, default, null).Should().BeFalse();
        written.Should().Be(0);

        RiskLevel.FromSeverity(12).TryFormat(buffer, out written, "D", null).Should().BeTrue();
        buffer[..written].ToString().Should().Be("12");
        RiskLevel.FromSeverity(12).TryFormat(buffer, out written, default, null).Should().BeTrue();
        buffer[..written].ToString().Should().Be("Severity 12");
        RiskLevel.FromSeverity(12).TryFormat(buffer[..10], out written, default, null).Should().BeFalse();
        $"{RiskLevel.FromSeverity(3):D}".Should().Be("3");
        $"{ZoneId.From("z-1")}".Should().Be("z-1");
        FluentActions.Invoking(() => ZoneId.From("z-1").ToString("X", null)).Should().Throw<FormatException>();
    }

    [Fact]
    public void PseudonymousIds_AreNotFormattable_SoInterpolationUsesToString()
    {
        typeof(IFormattable).IsAssignableFrom(typeof(PersonId)).Should().BeFalse("IFormattable would bypass ToString(), which keeps the id out of texts");
        typeof(IFormattable).IsAssignableFrom(typeof(HouseholdId)).Should().BeFalse();
    }

    [Fact]
    public async Task MinimalApi_BindsRouteValues_AndWritesPlainJson()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapGet("/zones/{zone}/levels/{level}", (ZoneId zone, RiskLevel level, PersonId person) => Results.Json(new Body(zone, person, default, level)));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single()) };

        var ok = await client.GetStringAsync(new Uri("/zones/500101-001-01/levels/3?person=p-7f3a", UriKind.Relative));
        using var bad = await client.GetAsync(new Uri("/zones/500101-001-01/levels/16?person=p-7f3a", UriKind.Relative));
        using var personal = await client.GetAsync(new Uri("/zones/500101-001-01/levels/3?person=13800138000", UriKind.Relative));
        await app.StopAsync();

        ok.Should().Be("{\"zone\":\"500101-001-01\",\"person\":\"p-7f3a\",\"household\":\"\",\"level\":3}");
        bad.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        personal.StatusCode.Should().Be(HttpStatusCode.BadRequest, "an id shaped like a phone number is not a pseudonymous id");
    }

    private static T Parse<T>(string text)
        where T : IParsable<T>
        => T.Parse(text, CultureInfo.InvariantCulture);
}
