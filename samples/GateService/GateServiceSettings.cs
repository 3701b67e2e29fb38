using System;
using System.Collections.Generic;
using Microsoft.Extensions.Configuration;

namespace CommunityControl.Samples.GateService;

/// <summary>The <c>GateService</c> section of the configuration (appsettings.json, overridable on the command line).</summary>
public sealed class GateServiceSettings
{
    /// <summary>Gets or sets the edition in force whatever the date, e.g. <c>cn-2022-06-ninth-edition</c>.</summary>
    public string? EditionId { get; set; }

    /// <summary>Gets or sets the zone tree document (ZoneTreeJson).</summary>
    public string? CommunityFile { get; set; }

    /// <summary>Gets or sets the epidemic history document (EpidemicHistoryJson).</summary>
    public string? HistoryFile { get; set; }

    /// <summary>Gets or sets the staffing policy document (StaffingPolicyJson), attached to the edition.</summary>
    public string? StaffingFile { get; set; }

    /// <summary>Gets or sets the city's own measure table for the edition (MeasureTableJson); null for the edition's own.</summary>
    public string? LocalMeasuresFile { get; set; }

    /// <summary>Gets or sets how many days after the history the risk endpoints still answer (as insufficient data).</summary>
    public int DaysAfterHistory { get; set; }

    /// <summary>
    /// Gets or sets an Npgsql connection string: when given, the outing ledger lives in that PostgreSQL database (shared
    /// by every instance of the service, kept across restarts; the schema is created or migrated at start-up); null or
    /// empty for the library's in-memory ledger. Never logged.
    /// </summary>
    public string? PostgreSql { get; set; }

    /// <summary>Reads and checks the section; every problem is listed at once.</summary>
    /// <exception cref="InvalidOperationException">The section is missing or invalid.</exception>
    public static GateServiceSettings Read(IConfiguration configuration)
    {
        var settings = configuration.GetSection("GateService").Get<GateServiceSettings>() ?? new GateServiceSettings();
        var problems = new List<string>();
        Require(settings.EditionId, nameof(EditionId), problems);
        Require(settings.CommunityFile, nameof(CommunityFile), problems);
        Require(settings.HistoryFile, nameof(HistoryFile), problems);
        Require(settings.StaffingFile, nameof(StaffingFile), problems);
        if (settings.DaysAfterHistory is < 0 or > 366)
        {
            problems.Add("GateService:DaysAfterHistory must be from 0 to 366.");
        }

        return problems.Count == 0
            ? settings
            : throw new InvalidOperationException("The GateService configuration is invalid: " + string.Join(" ", problems));
    }

    private static void Require(string? value, string name, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"GateService:{name} is required.");
        }
    }
}
