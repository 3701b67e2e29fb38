using System;
using CommunityControl.Zones;
using FluentAssertions;
using Xunit;

namespace CommunityControl.Tests.Zones;

public class ZoneIdTests
{
    [Theory]
    [InlineData("500101-001-01-05")]
    [InlineData("a")]
    [InlineData("CN:4201_02.x")]
    public void From_ValidText_KeepsText(string text)
    {
        var id = ZoneId.From(text);

        id.Value.Should().Be(text);
        id.ToString().Should().Be(text);
        id.IsEmpty.Should().BeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("5栋")]
    [InlineData("a b")]
    [InlineData("a\nb")]
    public void From_InvalidText_ThrowsNamingTheArgument(string text)
    {
        var act = () => ZoneId.From(text);

        act.Should().Throw<ArgumentException>().WithParameterName("value");
    }

    [Fact]
    public void From_MaxLength_IsAcceptedAndOneMoreIsNot()
    {
        ZoneId.From(new string('a', ZoneId.MaxLength)).Value.Should().HaveLength(64);
        var act = () => ZoneId.From(new string('a', ZoneId.MaxLength + 1));
        act.Should().Throw<ArgumentException>().WithMessage("*at most 64 characters*");
    }

    [Fact]
    public void From_Null_ThrowsArgumentNull()
    {
        var act = () => ZoneId.From(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("value");
    }

    [Fact]
    public void TryFrom_InvalidText_ReturnsFalseAndEmpty()
    {
        ZoneId.TryFrom("bad id", out var id).Should().BeFalse();
        id.IsEmpty.Should().BeTrue("a rejected id gives the empty id");
        ZoneId.TryFrom(null, out _).Should().BeFalse();
        ZoneId.TryFrom("ok", out var ok).Should().BeTrue("'ok' is a valid id");
        ok.Value.Should().Be("ok");
    }

    [Fact]
    public void Default_IsEmpty()
    {
        default(ZoneId).IsEmpty.Should().BeTrue("default(ZoneId) is the empty id");
        default(ZoneId).Value.Should().BeEmpty();
    }

    [Fact]
    public void Equality_IsOrdinal()
    {
        ZoneId.From("A1").Should().Be(ZoneId.From("A1"));
        (ZoneId.From("A1") == ZoneId.From("a1")).Should().BeFalse();
        ZoneId.From("A1").GetHashCode().Should().Be(ZoneId.From("A1").GetHashCode());
        (ZoneId.From("A") < ZoneId.From("B")).Should().BeTrue("ids order ordinally");
        default(ZoneId).CompareTo(ZoneId.From("A")).Should().BeNegative();
    }
}
