using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Baton.CodePipeline.Tests.Conformance;

/// <summary>
/// Finds and loads the CodePipeline service model: <c>$BATON_SPEC_DIR/codepipeline-2015-07-09.service-2.json</c>
/// first, else <c>shared/spec/...</c> in the nearest ancestor of the test binaries, else of this
/// source file (builds with a separate artifacts path put the binaries outside the clone).
/// </summary>
public static class ServiceModelFile
{
    public const string FileName = "codepipeline-2015-07-09.service-2.json";
    public const string SpecDirVariable = "BATON_SPEC_DIR";

    private static readonly Lazy<JsonDocument> _model = new(() => JsonDocument.Parse(File.ReadAllBytes(Locate())));

    /// <summary>The parsed model, loaded once per test run.</summary>
    public static JsonDocument Model => _model.Value;

    /// <summary>The shapes object of the model.</summary>
    public static JsonElement Shapes => Model.RootElement.GetProperty("shapes");

    public static string Locate() => Locate(Environment.GetEnvironmentVariable(SpecDirVariable), [AppContext.BaseDirectory, SourceDirectory()]);

    /// <summary>Looks in <paramref name="specDir"/> if set, else walks up from each start directory.</summary>
    /// <exception cref="FileNotFoundException">No candidate exists; the message lists every place looked.</exception>
    public static string Locate(string? specDir, IEnumerable<string> startDirectories)
    {
        var looked = new List<string>();
        if (!string.IsNullOrEmpty(specDir))
        {
            var fromVariable = Path.Combine(specDir, FileName);
            if (File.Exists(fromVariable))
            {
                return fromVariable;
            }

            throw new FileNotFoundException(
                $"{SpecDirVariable} is set to '{specDir}', but '{fromVariable}' does not exist. Point {SpecDirVariable} at the directory holding {FileName}, or unset it.",
                fromVariable);
        }

        foreach (var start in startDirectories)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "spec", FileName);
                looked.Add(candidate);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new FileNotFoundException(
            $"The CodePipeline service model {FileName} was not found. Set {SpecDirVariable} to the directory that holds it, "
            + "or keep shared/spec/ beside the clone. Looked in:" + Environment.NewLine + string.Join(Environment.NewLine, looked),
            FileName);
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";
}
