using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CommunityControl.DependencyInjection;

/// <summary>
/// Binds <see cref="CommunityControlOptions"/> from configuration, by hand (no reflection: the package stays trimmable):
/// known keys only, empty values mean "not set", every bad value a failure reported by validation.
/// </summary>
internal sealed class CommunityControlConfiguration : IConfigureOptions<CommunityControlOptions>
{
    private static readonly string[] Known =
    {
        nameof(CommunityControlOptions.Jurisdiction),
        nameof(CommunityControlOptions.EditionId),
        nameof(CommunityControlOptions.TimeZone),
        nameof(CommunityControlOptions.IncludeBuiltInEditions),
        nameof(CommunityControlOptions.RequireAccess),
        nameof(CommunityControlOptions.RequireStaffing),
        nameof(CommunityControlOptions.EditionFiles),
    };

    private readonly IConfiguration _configuration;

    public CommunityControlConfiguration(IConfiguration configuration) => _configuration = configuration;

    public void Configure(CommunityControlOptions options)
    {
        var failures = options.BindingFailures;
        foreach (var child in _configuration.GetChildren())
        {
            if (!Known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                failures.Add($"{KeyOf(child.Key)} is not a setting of CommunityControl; the settings are {string.Join(", ", Known)}.");
            }
        }

        if (Value(nameof(CommunityControlOptions.Jurisdiction)) is { } jurisdiction)
        {
            options.Jurisdiction = jurisdiction;
        }

        if (Value(nameof(CommunityControlOptions.EditionId)) is { } editionId)
        {
            options.EditionId = editionId;
        }

        if (Value(nameof(CommunityControlOptions.TimeZone)) is { } zoneId)
        {
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId);
            if (zone is null)
            {
                failures.Add($"{KeyOf(nameof(CommunityControlOptions.TimeZone))} '{zoneId}' is not a tzdb time zone id (e.g. Asia/Shanghai).");
            }
            else
            {
                options.TimeZone = zone;
            }
        }

        Flag(nameof(CommunityControlOptions.IncludeBuiltInEditions), value => options.IncludeBuiltInEditions = value, failures);
        Flag(nameof(CommunityControlOptions.RequireAccess), value => options.RequireAccess = value, failures);
        Flag(nameof(CommunityControlOptions.RequireStaffing), value => options.RequireStaffing = value, failures);

        BindFiles(options);
    }

    private void BindFiles(CommunityControlOptions options)
    {
        var section = _configuration.GetSection(nameof(CommunityControlOptions.EditionFiles));
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            options.EditionFiles.Add(section.Value!.Trim());     // a single path given as a plain value
            return;
        }

        foreach (var child in section.GetChildren().OrderBy(c => int.TryParse(c.Key, out var i) ? i : int.MaxValue))
        {
            if (!string.IsNullOrWhiteSpace(child.Value))
            {
                options.EditionFiles.Add(child.Value!.Trim());
            }
        }
    }

    private void Flag(string key, Action<bool> set, List<string> failures)
    {
        if (Value(key) is { } text)
        {
            if (bool.TryParse(text, out var value))
            {
                set(value);
            }
            else
            {
                failures.Add($"{KeyOf(key)} '{text}' is not true or false.");
            }
        }
    }

    // Empty strings (an environment variable set to nothing, "" in a JSON file) mean "not set".
    private string? Value(string key)
    {
        var value = _configuration[key];
        return string.IsNullOrWhiteSpace(value) ? null : value!.Trim();
    }

    private string KeyOf(string key)
        => _configuration is IConfigurationSection section && section.Path.Length > 0 ? section.Path + ":" + key : key;
}
