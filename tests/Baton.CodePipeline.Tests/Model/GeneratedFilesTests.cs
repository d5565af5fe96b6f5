using Baton.WireGen;

namespace Baton.CodePipeline.Tests.Model;

public sealed class GeneratedFilesTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "baton-wiregen-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp))
        {
            Directory.Delete(_temp, recursive: true);
        }
    }

    [Fact]
    public void Run_FromTheModel_ReproducesTheCommittedFilesByteForByte()
    {
        var project = Path.Combine(ServiceModelFile.RepositoryRoot, "src", "Baton.CodePipeline");
        var committed = Path.Combine(project, "Model", "Generated");
        var fresh = Path.Combine(_temp, "Model", "Generated");

        WireGenerator.Run(ServiceModelFile.Path, fresh, WireGenerator.DefaultClientFile(fresh));

        var expected = RelativeFiles(fresh);
        Assert.Equal(expected, RelativeFiles(committed));
        foreach (var file in expected)
        {
            AssertSameBytes(Path.Combine(fresh, file), Path.Combine(committed, file));
        }

        AssertSameBytes(Path.Combine(_temp, WireGenerator.ClientFileName), Path.Combine(project, WireGenerator.ClientFileName));
    }

    [Fact]
    public void Run_AgainIntoTheSameDirectory_RemovesFilesItNoLongerProduces()
    {
        var output = Path.Combine(_temp, "Model", "Generated");
        Directory.CreateDirectory(Path.Combine(output, "Records"));
        var stale = Path.Combine(output, "Records", "RemovedShape.g.cs");
        var handWritten = Path.Combine(output, "Notes.md");
        File.WriteAllText(stale, "// old");
        File.WriteAllText(handWritten, "kept");

        WireGenerator.Run(ServiceModelFile.Path, output, Path.Combine(_temp, WireGenerator.ClientFileName));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(handWritten));
        Assert.True(File.Exists(Path.Combine(output, "Records", "Job.g.cs")));
    }

    [Fact]
    public void Run_ModelMissingAShape_FailsNamingTheShape()
    {
        var model = Path.Combine(_temp, "broken.json");
        Directory.CreateDirectory(_temp);
        var text = File.ReadAllText(ServiceModelFile.Path).Replace("\"JobData\":{", "\"JobDataRenamed\":{", StringComparison.Ordinal);
        File.WriteAllText(model, text);

        var error = Assert.Throws<GeneratorException>(() => WireGenerator.Run(model, Path.Combine(_temp, "out"), Path.Combine(_temp, "client.g.cs")));

        Assert.Contains("'JobData'", error.Message, StringComparison.Ordinal);
    }

    private static string[] RelativeFiles(string root) =>
        [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    private static void AssertSameBytes(string expectedPath, string actualPath)
    {
        var expected = File.ReadAllBytes(expectedPath);
        var actual = File.ReadAllBytes(actualPath);
        Assert.True(
            expected.AsSpan().SequenceEqual(actual),
            $"{actualPath} differs from a fresh generator run; re-run tools/Baton.WireGen instead of editing generated files.");
    }
}
