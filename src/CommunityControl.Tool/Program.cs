using System;
using System.CommandLine;
using System.IO;
using CommunityControl.Editions;
using CommunityControl.Serialization;
using CommunityControl.Testing;

namespace CommunityControl.Tool;

/// <summary>
/// <c>communitycontrol</c>: <c>edition validate &lt;file&gt;</c>, <c>edition vectors &lt;edition-file&gt; &lt;vectors-file&gt;</c>,
/// <c>edition diff &lt;a&gt; &lt;b&gt;</c>, <c>edition show &lt;id&gt;</c>, <c>schema &lt;kind&gt;</c>. Exit codes: 0 success (for diff: the
/// same), 1 the document has problems, a vector fails or (diff) the editions differ, 2 bad usage (an unknown id or kind, a
/// missing file, an unreadable document in diff).
/// </summary>
internal static class Program
{
    public const int Ok = 0;
    public const int Problems = 1;
    public const int Usage = 2;

    public static int Main(string[] args)
    {
        var root = new RootCommand("Tools for CommunityControl.Sdk policy authors.") { EditionCommand(), SchemaCommand() };
        return root.Parse(args).Invoke();
    }

    private static Command EditionCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The edition document (JSON)." };
        var validate = new Command("validate", "Reads an edition document strictly; lists every problem with its JSON path and line.") { file };
        validate.SetAction(result => Validate(result.GetValue(file)!));

        var editionFile = new Argument<FileInfo>("edition") { Description = "The edition document (JSON)." };
        var vectorsFile = new Argument<FileInfo>("vectors") { Description = "The test vectors document (JSON)." };
        var vectors = new Command("vectors", "Runs an edition's test vectors; lists every mismatch.") { editionFile, vectorsFile };
        vectors.SetAction(result => Vectors(result.GetValue(editionFile)!, result.GetValue(vectorsFile)!));

        var id = new Argument<string>("id") { Description = "A built-in edition's id, e.g. cn-2022-06-ninth-edition." };
        var show = new Command("show", "Prints a built-in edition's document, to start a local edition from.") { id };
        show.SetAction(result => Show(result.GetValue(id)!));

        var left = new Argument<string>("a") { Description = "An edition document (JSON file) or a built-in edition's id." };
        var right = new Argument<string>("b") { Description = "The edition to compare with: a file or a built-in id." };
        var diff = new Command("diff", "Lists what changed from a to b, parameter by parameter (exit 0: same, 1: different).") { left, right };
        diff.SetAction(result => Diff(result.GetValue(left)!, result.GetValue(right)!));

        return new Command("edition", "Edition documents: validate, run vectors, diff two, show a built-in one.") { validate, vectors, diff, show };
    }

    private static Command SchemaCommand()
    {
        var kind = new Argument<string>("kind") { Description = "The document kind: " + string.Join(", ", DocumentSchemas.Names) + "." };
        var schema = new Command("schema", "Prints the JSON Schema of a document kind.") { kind };
        schema.SetAction(result =>
        {
            var name = result.GetValue(kind)!;
            if (DocumentSchemas.TryGet(name, out var text))
            {
                Console.Out.WriteLine(text);
                return Ok;
            }

            Console.Error.WriteLine($"Unknown document kind '{name}'; the kinds are {string.Join(", ", DocumentSchemas.Names)}.");
            return Usage;
        });
        return schema;
    }

    private static int Validate(FileInfo file)
    {
        if (!TryRead(file, out var json))
        {
            return Usage;
        }

        try
        {
            var edition = PolicyEditionJson.Parse(json);
            Console.Out.WriteLine($"{file.Name}: edition {edition.Id} {edition.Version} ({edition.Jurisdiction}) is valid.");
            return Ok;
        }
        catch (DocumentFormatException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Out.WriteLine($"{file.Name}:{problem.LineNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}: {problem.Path}: {problem.Message}");
            }

            Console.Out.WriteLine($"{file.Name}: {e.TotalProblemCount} problem(s).");
            return Problems;
        }
    }

    private static int Vectors(FileInfo editionFile, FileInfo vectorsFile)
    {
        if (!TryRead(editionFile, out var editionJson) || !TryRead(vectorsFile, out var vectorsJson))
        {
            return Usage;
        }

        try
        {
            var result = EditionVectorRunner.Run(PolicyEditionJson.Parse(editionJson), vectorsJson);
            Console.Out.WriteLine(result.Describe());
            return result.Passed ? Ok : Problems;
        }
        catch (DocumentFormatException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Out.WriteLine($"{problem.Path} (line {problem.LineNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}): {problem.Message}");
            }

            return Problems;
        }
    }

    private static int Diff(string left, string right)
    {
        if (!TryResolve(left, out var leftJson) || !TryResolve(right, out var rightJson))
        {
            return Usage;
        }

        try
        {
            var lines = EditionDiff.Compare(leftJson, rightJson);
            foreach (var line in lines)
            {
                Console.Out.WriteLine(line);
            }

            Console.Out.WriteLine(lines.Count == 0 ? "The editions are the same." : $"{lines.Count} difference(s).");
            return lines.Count == 0 ? Ok : Problems;
        }
        catch (DocumentFormatException e)
        {
            foreach (var problem in e.Problems)
            {
                Console.Out.WriteLine($"{problem.Path} (line {problem.LineNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"}): {problem.Message}");
            }

            return Usage;
        }
    }

    // A file's text, or a built-in edition's document by id.
    private static bool TryResolve(string fileOrId, out string json)
    {
        if (File.Exists(fileOrId))
        {
            return TryRead(new FileInfo(fileOrId), out json);
        }

        if (PolicyEditions.TryGetDocument(fileOrId, out var document))
        {
            json = document;
            return true;
        }

        Console.Error.WriteLine($"'{fileOrId}' is neither a file nor a built-in edition id.");
        json = string.Empty;
        return false;
    }

    private static int Show(string id)
    {
        if (PolicyEditions.TryGetDocument(id, out var document))
        {
            Console.Out.WriteLine(document);
            return Ok;
        }

        Console.Error.WriteLine($"No built-in edition '{id}'; the built-in editions are {string.Join(", ", PolicyEditions.Ids)}.");
        return Usage;
    }

    private static bool TryRead(FileInfo file, out string text)
    {
        try
        {
            text = File.ReadAllText(file.FullName);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"Cannot read {file.FullName}: {e.Message}");
            text = string.Empty;
            return false;
        }
    }
}
