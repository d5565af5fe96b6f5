using System.Text;

namespace Baton.WireGen;

/// <summary>What one generator run produced, for the console summary.</summary>
internal sealed record GenerationResult(int Records, int Enums, int Errors, int Shapes, int Files);

/// <summary>
/// Generates the wire layer from a model file: writes the files of <see cref="Emitters"/> under the
/// output directory (removing generated files that are no longer produced) and the client surface
/// to its own path.
/// </summary>
internal static class WireGenerator
{
    /// <summary>The client surface's file name; it lives beside the project's other client files.</summary>
    public const string ClientFileName = "CodePipelineClient.Operations.g.cs";

    private static readonly UTF8Encoding _utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The client file for an output directory laid out as <c>&lt;project&gt;/Model/Generated</c>.</summary>
    public static string DefaultClientFile(string outputDirectory) =>
        Path.GetFullPath(Path.Combine(outputDirectory, "..", "..", ClientFileName));

    /// <summary>Generates everything in memory: paths relative to the output directory, plus the client surface.</summary>
    public static (SortedDictionary<string, string> Files, string Client, WirePlan Plan) Render(string modelPath)
    {
        var plan = WirePlan.Create(ServiceModel.Load(modelPath), Operations.Implemented);
        return (Emitters.Generate(plan), new ClientEmitter(plan).Emit(), plan);
    }

    public static GenerationResult Run(string modelPath, string outputDirectory, string clientFile)
    {
        var (files, client, plan) = Render(modelPath);
        Directory.CreateDirectory(outputDirectory);
        var produced = new HashSet<string>(files.Keys.Select(k => Path.GetFullPath(Path.Combine(outputDirectory, k))), StringComparer.Ordinal);
        foreach (var stale in Directory.EnumerateFiles(outputDirectory, "*.g.cs", SearchOption.AllDirectories))
        {
            if (!produced.Contains(Path.GetFullPath(stale)))
            {
                File.Delete(stale);
            }
        }

        foreach (var (relative, text) in files)
        {
            var path = Path.Combine(outputDirectory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, _utf8);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(clientFile))!);
        File.WriteAllText(clientFile, client, _utf8);
        return new GenerationResult(plan.Records.Count, plan.Enums.Count, plan.Errors.Count, plan.Closure.Count, files.Count + 1);
    }
}
