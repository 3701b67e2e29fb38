using System;
using CommunityControl.Internal;

namespace CommunityControl;

/// <summary>Validation shared by <see cref="PersonId"/> and <see cref="HouseholdId"/>: pseudonymous ids only.</summary>
internal static class PseudonymousId
{
    public const int MaxLength = 64;

    /// <summary>Returns why <paramref name="value"/> is not a pseudonymous id, or null. Never echoes the value.</summary>
    public static string? Validate(string value)
    {
        if (value.Length == 0)
        {
            return "An id must not be empty.";
        }

        if (value.Length > MaxLength)
        {
            return $"An id must be at most {MaxLength} characters; it has {value.Length}.";
        }

        var digits = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok)
            {
                return $"An id may hold only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed.";
            }

            if (c >= '0' && c <= '9')
            {
                digits++;
            }
        }

        // A mainland mobile number (11 digits starting with 1) or a resident ID number (15 digits, or 17 digits and a
        // check character) is personal data, not a pseudonym.
        var last = value[value.Length - 1];
        var allDigits = digits == value.Length;
        if ((allDigits && value.Length == 11 && value[0] == '1') || (allDigits && value.Length == 15)
            || (value.Length == 18 && (digits == 18 || (digits == 17 && (last == 'X' || last == 'x')))))
        {
            return "The id looks like a phone or resident ID number; use a pseudonymous id (e.g. a keyed hash).";
        }

        return null;
    }

    public static string Check(string value, string parameterName)
    {
        Guard.NotNull(value, parameterName);
        var error = Validate(value);
        if (error is not null)
        {
            throw new ArgumentException(error, parameterName);
        }

        return value;
    }
}
