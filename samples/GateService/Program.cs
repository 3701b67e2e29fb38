using System;
using Microsoft.AspNetCore.Builder;

namespace CommunityControl.Samples.GateService;

/// <summary>
/// The gate service: <c>dotnet run --project samples/GateService</c>, then see README.md for the endpoints.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        WebApplication app;
        try
        {
            app = GateServiceApp.Build(args);
        }
        catch (DocumentFormatException ex)
        {
            Console.Error.WriteLine($"The {ex.DocumentKind} document is invalid:");
            foreach (var problem in ex.Problems)
            {
                Console.Error.WriteLine("  " + problem);
            }

            return 1;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ModelValidationException or ArgumentException or System.Collections.Generic.KeyNotFoundException or System.IO.IOException)
        {
            Console.Error.WriteLine("The gate service cannot start: " + ex.Message);
            return 1;
        }

        app.Run();
        return 0;
    }
}
