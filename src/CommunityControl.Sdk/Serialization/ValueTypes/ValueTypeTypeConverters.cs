using System;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using CommunityControl.Risk;
using CommunityControl.Zones;

namespace CommunityControl.Serialization;

/// <summary>
/// Converts a value type from and to its text, for the hosts that find conversions through <see cref="TypeDescriptor"/>
/// (configuration binding, MVC model binding, designers). Bad text is a <see cref="FormatException"/> from the type's
/// <c>Parse</c>.
/// </summary>
internal abstract class TextTypeConverter<T> : TypeConverter
    where T : struct
{
    public override bool CanConvertFrom(ITypeDescriptorContext? context, Type sourceType)
        => sourceType == typeof(string) || base.CanConvertFrom(context, sourceType);

    public override bool CanConvertTo(ITypeDescriptorContext? context, [NotNullWhen(true)] Type? destinationType)
        => destinationType == typeof(string) || base.CanConvertTo(context, destinationType);

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
        => value is string text ? Parse(text) : base.ConvertFrom(context, culture, value);

    public override object? ConvertTo(ITypeDescriptorContext? context, CultureInfo? culture, object? value, Type destinationType)
        => destinationType == typeof(string) && value is T typed ? TextOf(typed) : base.ConvertTo(context, culture, value, destinationType);

    protected abstract T Parse(string text);

    protected abstract string TextOf(T value);
}

/// <summary>A <see cref="ZoneId"/> from and to its text.</summary>
internal sealed class ZoneIdTypeConverter : TextTypeConverter<ZoneId>
{
    protected override ZoneId Parse(string text) => ZoneId.Parse(text, CultureInfo.InvariantCulture);

    protected override string TextOf(ZoneId value) => value.Value;
}

/// <summary>A <see cref="PersonId"/> from and to its full text.</summary>
internal sealed class PersonIdTypeConverter : TextTypeConverter<PersonId>
{
    protected override PersonId Parse(string text) => PersonId.Parse(text, CultureInfo.InvariantCulture);

    protected override string TextOf(PersonId value) => value.Value;
}

/// <summary>A <see cref="HouseholdId"/> from and to its full text.</summary>
internal sealed class HouseholdIdTypeConverter : TextTypeConverter<HouseholdId>
{
    protected override HouseholdId Parse(string text) => HouseholdId.Parse(text, CultureInfo.InvariantCulture);

    protected override string TextOf(HouseholdId value) => value.Value;
}

/// <summary>A <see cref="RiskLevel"/> from <c>3</c> or <c>Severity 3</c>, and to its severity <c>3</c>.</summary>
internal sealed class RiskLevelTypeConverter : TextTypeConverter<RiskLevel>
{
    protected override RiskLevel Parse(string text) => RiskLevel.Parse(text, CultureInfo.InvariantCulture);

    protected override string TextOf(RiskLevel value) => value.Severity.ToString(CultureInfo.InvariantCulture);
}
