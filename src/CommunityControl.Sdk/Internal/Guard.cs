using System;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CommunityControl.Internal;

/// <summary>Argument checks shared by every public entry point (netstandard2.0 lacks the BCL throw helpers).</summary>
internal static class Guard
{
    public static T NotNull<T>([NotNull] T? value, [CallerArgumentExpression(nameof(value))] string parameterName = "")
        where T : class
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        return value;
    }

    /// <summary>An element of a sequence argument, checked as it is read: a null element throws
    /// <see cref="ArgumentNullException"/> naming the sequence.</summary>
    public static T Element<T>(T? element, string parameterName)
        where T : class
        => element ?? throw new ArgumentNullException(parameterName, "The sequence holds a null element.");

    public static string NotNullOrWhiteSpace([NotNull] string? value, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (value is null)
        {
            throw new ArgumentNullException(parameterName);
        }

        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Value must not be empty or white space.", parameterName);
        }

        return value;
    }

    public static int NotNegative(int value, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Value must not be negative; it was {value}.");
        }

        return value;
    }

    public static double NotNegativeFinite(double value, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Value must be a finite number not below zero; it was {value}.");
        }

        return value;
    }

    public static int InRange(int value, int minimum, int maximum, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Value should be in range [{minimum}-{maximum}]; it was {value}.");
        }

        return value;
    }

    public static double InRange(double value, double minimum, double maximum, [CallerArgumentExpression(nameof(value))] string parameterName = "")
    {
        if (double.IsNaN(value) || value < minimum || value > maximum)
        {
            throw new ArgumentOutOfRangeException(parameterName, value, $"Value should be in range [{minimum}-{maximum}]; it was {value}.");
        }

        return value;
    }
}
