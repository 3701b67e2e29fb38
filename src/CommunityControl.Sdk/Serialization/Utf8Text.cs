using System;
using System.Text;

namespace CommunityControl.Serialization;

/// <summary>Strict UTF-8 checks on raw bytes (overlong forms, surrogates and code points past U+10FFFF are invalid).</summary>
internal static class Utf8Text
{
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>Whether <paramref name="bytes"/> is valid UTF-8 (vectorized on .NET 8 and later).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return System.Text.Unicode.Utf8.IsValid(bytes);
#else
        return FirstInvalid(bytes) < 0;
#endif
    }

    /// <summary>The offset of the first byte that starts an invalid sequence, or -1.</summary>
    public static int FirstInvalid(ReadOnlySpan<byte> s)
    {
        var i = 0;
        while (i < s.Length)
        {
            var b = s[i];
            if (b < 0x80)
            {
                i++;
                continue;
            }

            int count;
            byte low = 0x80, high = 0xBF;
            if (b is >= 0xC2 and <= 0xDF)
            {
                count = 1;
            }
            else if (b == 0xE0)
            {
                count = 2;
                low = 0xA0;
            }
            else if (b is (>= 0xE1 and <= 0xEC) or 0xEE or 0xEF)
            {
                count = 2;
            }
            else if (b == 0xED)
            {
                count = 2;
                high = 0x9F;
            }
            else if (b == 0xF0)
            {
                count = 3;
                low = 0x90;
            }
            else if (b is >= 0xF1 and <= 0xF3)
            {
                count = 3;
            }
            else if (b == 0xF4)
            {
                count = 3;
                high = 0x8F;
            }
            else
            {
                return i;
            }

            if (i + count >= s.Length)
            {
                return i;
            }

            if (s[i + 1] < low || s[i + 1] > high)
            {
                return i;
            }

            for (var k = 2; k <= count; k++)
            {
                if (s[i + k] is < 0x80 or > 0xBF)
                {
                    return i;
                }
            }

            i += count + 1;
        }

        return -1;
    }

    /// <summary>Whether the <c>\u</c> escapes of a raw JSON string pair their UTF-16 surrogates.</summary>
    public static bool EscapesAreValid(ReadOnlySpan<byte> raw)
    {
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\' || i + 1 >= raw.Length)
            {
                continue;
            }

            if (raw[i + 1] != (byte)'u')
            {
                i++;
                continue;
            }

            var unit = Hex(raw, i + 2);
            if (unit is >= 0xDC00 and <= 0xDFFF or < 0)
            {
                return false;
            }

            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                var next = i + 6 < raw.Length - 1 && raw[i + 6] == (byte)'\\' && raw[i + 7] == (byte)'u' ? Hex(raw, i + 8) : -1;
                if (next is < 0xDC00 or > 0xDFFF)
                {
                    return false;
                }

                i += 11;
            }
            else
            {
                i += 5;
            }
        }

        return true;
    }

    /// <summary>Decodes UTF-8, replacing invalid bytes (for quoting text in a message).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
#if NET8_0_OR_GREATER
        return Lenient.GetString(bytes);
#else
        return Lenient.GetString(bytes.ToArray());
#endif
    }

    private static int Hex(ReadOnlySpan<byte> raw, int at)
    {
        if (at + 4 > raw.Length)
        {
            return -1;
        }

        var value = 0;
        for (var k = 0; k < 4; k++)
        {
            var c = raw[at + k];
            int digit = c switch
            {
                >= (byte)'0' and <= (byte)'9' => c - '0',
                >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                return -1;
            }

            value = (value * 16) + digit;
        }

        return value;
    }
}
