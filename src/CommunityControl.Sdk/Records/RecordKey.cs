using System;
using CommunityControl.Internal;

namespace CommunityControl.Records;

/// <summary>Validation of idempotency keys and of the device and pass ids a record carries. Never echoes the value.</summary>
internal static class RecordKey
{
    /// <summary>The longest idempotency key, device or pass id accepted, in characters.</summary>
    public const int MaxLength = 128;

    public static string? Validate(string value)
    {
        if (value.Length == 0)
        {
            return "must not be empty";
        }

        if (value.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters; it has {value.Length}";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == ':';
            if (!ok)
            {
                return $"may hold only ASCII letters, digits and - _ . : ; the character at position {i} is not allowed";
            }
        }

        return null;
    }

    /// <summary>Checks an idempotency key (or another record key) and returns it.</summary>
    public static string Check(string? value, string parameterName)
    {
        Guard.NotNull(value, parameterName);
        var error = Validate(value);
        return error is null ? value : throw new ArgumentException($"The {parameterName} {error}.", parameterName);
    }

    /// <summary>Checks an optional pseudonymous id (a pass id): null passes; otherwise the rules of <see cref="PersonId"/>.</summary>
    public static string? CheckPseudonymous(string? value, string parameterName)
    {
        if (value is null)
        {
            return null;
        }

        var error = PseudonymousId.Validate(value);
        return error is null ? value : throw new ArgumentException($"{parameterName}: {error}", parameterName);
    }

    /// <summary>Checks an optional device id: null passes; otherwise the rules of a key.</summary>
    public static string? CheckOptional(string? value, string parameterName) => value is null ? null : Check(value, parameterName);
}
