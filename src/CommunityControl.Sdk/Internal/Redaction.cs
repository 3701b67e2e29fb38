using System;
using System.Security.Cryptography;
using System.Text;

namespace CommunityControl.Internal;

/// <summary>
/// How every text of the library (<c>ToString()</c>, explanations, exception messages) shows a person, household, case or
/// staff id: a prefix and a short keyed hash, e.g. <c>person#3fa9c2d1</c>. Equal ids give equal forms within one process,
/// so a log can still be followed; the key is drawn at random per process, so a form cannot be reversed by hashing
/// candidate phone or ID numbers.
/// </summary>
/// <remarks>The raw id is shown only where a caller asks for it explicitly (the ids' <c>Value</c>).</remarks>
internal static class Redaction
{
    private static readonly byte[] Key = NewKey();

    /// <summary>Returns <paramref name="prefix"/>, '#', and the first 8 hex digits of HMAC-SHA256(key, id).</summary>
    /// <param name="prefix">What kind of id, e.g. <c>person</c>.</param>
    /// <param name="id">The raw id; null or empty gives the prefix and <c>#-</c>.</param>
    /// <returns>The redacted form.</returns>
    public static string Redact(string prefix, string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return prefix + "#-";
        }

        byte[] hash;
        using (var hmac = new HMACSHA256(Key))
        {
            hash = hmac.ComputeHash(Encoding.UTF8.GetBytes(id));
        }

        var text = new StringBuilder(prefix.Length + 9).Append(prefix).Append('#');
        for (var i = 0; i < 4; i++)
        {
            text.Append(hash[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static byte[] NewKey()
    {
        var key = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(key);
        }

        return key;
    }
}
