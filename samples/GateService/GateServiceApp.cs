using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityControl.Access;
using CommunityControl.DependencyInjection;
using CommunityControl.Editions;
using CommunityControl.Epidemiology;
using CommunityControl.Measures;
using CommunityControl.PostgreSql;
using CommunityControl.Risk;
using CommunityControl.Samples.GateService.Endpoints;
using CommunityControl.Samples.GateService.Http;
using CommunityControl.Serialization;
using CommunityControl.Staffing;
using CommunityControl.Zones;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using Npgsql;

namespace CommunityControl.Samples.GateService;

/// <summary>
/// Builds the gate service: loads the documents, registers CommunityControl with <c>AddCommunityControl</c>, and maps
/// the endpoints. <see cref="Program"/> runs it; the integration test starts it in-process on a free loopback port.
/// </summary>
public static class GateServiceApp
{
    /// <summary>Builds the application; every document and setting is checked here, so bad configuration fails at start-up.</summary>
    /// <param name="args">Command-line arguments, e.g. <c>--urls http://127.0.0.1:0</c> or <c>--GateService:EditionId=…</c>.</param>
    /// <returns>The application, not yet started.</returns>
    /// <exception cref="InvalidOperationException">A setting is invalid, or an address is not loopback.</exception>
    /// <exception cref="DocumentFormatException">A document is invalid; every problem is listed with its path and line.</exception>
    public static WebApplication Build(string[] args)
    {
        // The documents sit next to the application, whatever the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        RequireLoopback(builder.Configuration);
        var settings = GateServiceSettings.Read(builder.Configuration);
        T Read<T>(string file, Func<Stream, T> read)
        {
            using var stream = File.OpenRead(Path.Combine(builder.Environment.ContentRootPath, file));
            return read(stream);
        }

        // 1. The community and what happened in it.
        var tree = Read(settings.CommunityFile!, stream => ZoneTreeJson.Read(stream));
        var history = Read(settings.HistoryFile!, stream => EpidemicHistoryJson.Read(stream, tree));

        // 2. The edition, with the host's own parts attached: the city's measure table (optional) and the staffing
        //    policy, which no built-in edition carries. Both are read on the edition's scale.
        var edition = PolicyEditions.Get(settings.EditionId!);
        if (settings.LocalMeasuresFile is { Length: > 0 } measures)
        {
            edition = edition.WithMeasures(Read(measures, stream => MeasureTableJson.Read(stream, edition.Risk.Scale)));
        }

        edition = edition.WithStaffing(Read(settings.StaffingFile!, stream => StaffingPolicyJson.Read(stream, edition.Risk.Scale)));

        // 3. The outing ledger, asynchronous so that it can be remote: PostgreSQL when a connection string is given
        //    (every instance of the service shares the households' quotas, and they survive a restart), otherwise the
        //    library's in-memory ledger, registered as both its synchronous and asynchronous contracts.
        var postgreSql = !string.IsNullOrWhiteSpace(settings.PostgreSql);
        if (postgreSql)
        {
            builder.Services.AddCommunityControlPostgreSql(settings.PostgreSql!);
            builder.Services.AddHealthChecks().AddCommunityControlPostgreSql();
        }
        else
        {
            var ledger = new InMemoryOutingLedger();
            builder.Services.AddSingleton<IOutingLedger>(ledger);
            builder.Services.AddSingleton<IOutingLedgerAsync>(ledger);
        }

        // 4. CommunityControl's services: our edition replaces the built-in one of the same id, and is pinned. This
        //    registers the edition, its RiskPolicy, AccessPolicy and StaffingPolicy, and an IClock.
        builder.Services.AddCommunityControl(options =>
        {
            options.Editions.Add(edition);
            options.EditionId = edition.Id;
            options.TimeZone = tree.TimeZone;
        });

        // 5. The community, and its risk timeline evaluated once with the edition's risk rules.
        var days = new DateInterval(history.FirstDay, history.LastDay.PlusDays(settings.DaysAfterHistory));
        builder.Services.AddSingleton(new GateCommunity(
            tree, history, days, SampleWorkforce.Create(tree), new GateArrivals(ArrivalProfile.ClosedCompoundIllustrative)));
        builder.Services.AddSingleton(provider => provider.GetRequiredService<RiskPolicy>().Evaluate(history, days));
        builder.Services.AddSingleton<DailyRiskLevels>();

        // 6. HTTP: camelCase JSON, enums and NodaTime values as text, and a 400 that lists every problem for bad input.
        builder.Services.ConfigureHttpJsonOptions(options => ConfigureJson(options.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestBodyGuard>();
        app.MapGateEndpoints();

        if (postgreSql)
        {
            // Create or migrate the schema before the first request (safe from every instance at once), and answer
            // /health/database with the database's state (the library's health check).
            PostgreSqlSchema.EnsureSchemaAsync(app.Services.GetRequiredService<NpgsqlDataSource>()).GetAwaiter().GetResult();
            app.MapHealthChecks("/health/database");
        }

        // Evaluate the timeline now, so that the first gate request is not the one that waits.
        app.Services.GetRequiredService<RiskTimeline>();
        return app;
    }

    /// <summary>The JSON rules of the API.</summary>
    private static void ConfigureJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new InstantJsonConverter());
        options.Converters.Add(new LocalDateJsonConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow; // a misspelt field is an error, not ignored
        options.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals; // "NaN" from a faulty thermometer
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
    }

    /// <summary>
    /// The sample has no authentication: it listens on loopback addresses only, and refuses anything else, wherever the
    /// address comes from (<c>urls</c>, <c>Kestrel:Endpoints:*:Url</c>; <c>http_ports</c>/<c>https_ports</c> bind every
    /// interface and are refused outright). Kestrel endpoints configured in code are not used by the sample.
    /// </summary>
    internal static void RequireLoopback(IConfiguration configuration)
    {
        foreach (var key in new[] { "http_ports", "https_ports", "HTTP_PORTS", "HTTPS_PORTS" })
        {
            if (!string.IsNullOrWhiteSpace(configuration[key]))
            {
                throw new InvalidOperationException($"The gate service listens on loopback addresses only; '{key}' binds every interface: set Urls, e.g. http://127.0.0.1:5080.");
            }
        }

        var urls = new List<string>();
        if (configuration["urls"] is { } configured)
        {
            urls.AddRange(configured.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            urls.Add(endpoint["Url"] ?? string.Empty); // an endpoint without a Url is refused below
        }

        if (urls.Count == 0)
        {
            throw new InvalidOperationException("No address to listen on: set Urls, e.g. http://127.0.0.1:5080.");
        }

        foreach (var url in urls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) || !IPAddress.IsLoopback(address))
            {
                throw new InvalidOperationException($"The gate service listens on loopback addresses only (e.g. http://127.0.0.1:5080); '{url}' is not one.");
            }
        }
    }
}
