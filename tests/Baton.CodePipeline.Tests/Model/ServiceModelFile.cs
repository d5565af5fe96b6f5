using System.Runtime.CompilerServices;

namespace Baton.CodePipeline.Tests.Model;

/// <summary>
/// Finds the CodePipeline service model and the checkout's root for tests that compare against
/// them. The model: BATON_SPEC_DIR first, then shared/spec/ in a directory above the test's base
/// directory, above this source file (builds with a private artifacts path run from elsewhere) or
/// above the current directory.
/// </summary>
internal static class ServiceModelFile
{
    public const string FileName = "codepipeline-2015-07-09.service-2.json";
    public const string SpecDirVariable = "BATON_SPEC_DIR";

    public static string Path
    {
        get
        {
            var fromEnvironment = Environment.GetEnvironmentVariable(SpecDirVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                var candidate = System.IO.Path.Combine(fromEnvironment, FileName);
                return File.Exists(candidate)
                    ? candidate
                    : throw new FileNotFoundException($"{SpecDirVariable} is '{fromEnvironment}', but it holds no {FileName}.", candidate);
            }

            return FindAbove(System.IO.Path.Combine("shared", "spec", FileName))
                ?? throw new FileNotFoundException(
                    $"Found no shared/spec/{FileName} above {string.Join(", ", StartingPoints())}. " +
                    $"Set {SpecDirVariable} to the directory that holds the model.");
        }
    }

    /// <summary>The checkout's root: the nearest directory with Baton.slnx.</summary>
    public static string RepositoryRoot =>
        System.IO.Path.GetDirectoryName(FindAbove("Baton.slnx")
            ?? throw new DirectoryNotFoundException($"Found no Baton.slnx above {string.Join(", ", StartingPoints())}; run the tests from a Baton checkout."))!;

    private static string? FindAbove(string relativePath)
    {
        foreach (var start in StartingPoints())
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = System.IO.Path.Combine(directory.FullName, relativePath);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static IEnumerable<string> StartingPoints()
    {
        yield return AppContext.BaseDirectory;
        if (System.IO.Path.GetDirectoryName(SourceFile()) is { Length: > 0 } sourceDirectory && Directory.Exists(sourceDirectory))
        {
            yield return sourceDirectory;
        }

        yield return Environment.CurrentDirectory;
    }

    private static string SourceFile([CallerFilePath] string path = "") => path;
}
