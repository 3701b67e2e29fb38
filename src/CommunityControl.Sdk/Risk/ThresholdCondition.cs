using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CommunityControl.Risk;

/// <summary>Three-valued logic for conditions on values that may be unknown or known only within bounds.</summary>
internal enum Truth
{
    False = 0,
    True = 1,
    Unknown = 2,
}

/// <summary>A value known to lie in [Low, High]; a missing value is (−∞, +∞).</summary>
internal readonly struct Bounds
{
    public Bounds(double low, double high)
    {
        Low = low;
        High = high;
    }

    public static Bounds Missing => new(double.NegativeInfinity, double.PositiveInfinity);

    public double Low { get; }

    public double High { get; }

    public bool IsExact => Low == High;

    public static Bounds Exactly(double value) => new(value, value);

    public override string ToString()
    {
        if (IsExact)
        {
            return Low.ToString("R", CultureInfo.InvariantCulture);
        }

        return double.IsNegativeInfinity(Low) ? "missing" : $"≥{Low.ToString("R", CultureInfo.InvariantCulture)}";
    }
}

/// <summary>A condition with up to four bounds, all of which must hold.</summary>
internal sealed class ThresholdCondition
{
    public ThresholdCondition(int operand, string name, double? atLeast, double? greaterThan, double? atMost, double? lessThan)
    {
        Operand = operand;
        Name = name;
        AtLeast = atLeast;
        GreaterThan = greaterThan;
        AtMost = atMost;
        LessThan = lessThan;
    }

    /// <summary>Gets the index of the count or metric tested.</summary>
    public int Operand { get; }

    public string Name { get; }

    public double? AtLeast { get; }

    public double? GreaterThan { get; }

    public double? AtMost { get; }

    public double? LessThan { get; }

    public static ThresholdCondition? TryCreate(int operand, string name, ThresholdConditionOptions options, string path, List<(string Path, string Message)> problems)
    {
        var ok = OptionsReading.Finite(options.AtLeast, path + ".atLeast", problems, false)
            & OptionsReading.Finite(options.GreaterThan, path + ".greaterThan", problems, false)
            & OptionsReading.Finite(options.AtMost, path + ".atMost", problems, false)
            & OptionsReading.Finite(options.LessThan, path + ".lessThan", problems, false);
        if (options.AtLeast is null && options.GreaterThan is null && options.AtMost is null && options.LessThan is null)
        {
            problems.Add((path, "A condition needs at least one bound: atLeast, greaterThan, atMost or lessThan."));
            return null;
        }

        return ok ? new ThresholdCondition(operand, name, options.AtLeast, options.GreaterThan, options.AtMost, options.LessThan) : null;
    }

    public static Truth And(Truth a, Truth b)
        => a == Truth.False || b == Truth.False ? Truth.False : a == Truth.Unknown || b == Truth.Unknown ? Truth.Unknown : Truth.True;

    public Truth Test(Bounds value)
    {
        var result = Truth.True;
        if (AtLeast is { } atLeast)
        {
            result = And(result, value.Low >= atLeast ? Truth.True : value.High < atLeast ? Truth.False : Truth.Unknown);
        }

        if (GreaterThan is { } greaterThan)
        {
            result = And(result, value.Low > greaterThan ? Truth.True : value.High <= greaterThan ? Truth.False : Truth.Unknown);
        }

        if (AtMost is { } atMost)
        {
            result = And(result, value.High <= atMost ? Truth.True : value.Low > atMost ? Truth.False : Truth.Unknown);
        }

        if (LessThan is { } lessThan)
        {
            result = And(result, value.High < lessThan ? Truth.True : value.Low >= lessThan ? Truth.False : Truth.Unknown);
        }

        return result;
    }

    public override string ToString()
    {
        var text = new StringBuilder(Name);
        Append(" ≥ ", AtLeast);
        Append(" > ", GreaterThan);
        Append(" ≤ ", AtMost);
        Append(" < ", LessThan);
        return text.ToString();

        void Append(string op, double? bound)
        {
            if (bound is { } b)
            {
                text.Append(op).Append(b.ToString("R", CultureInfo.InvariantCulture));
            }
        }
    }
}
