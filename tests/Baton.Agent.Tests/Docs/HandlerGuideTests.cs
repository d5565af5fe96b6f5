using System.Runtime.CompilerServices;

namespace Baton.Agent.Tests.Docs;

/// <summary>
/// docs/writing-a-handler.md shows the sample in samples/Baton.Samples.HelloHandler. Each code block
/// preceded by <c>&lt;!-- sample: FILE --&gt;</c> must equal that sample file, and every source file
/// of the sample must be shown, so the guide and the code that compiles cannot drift apart.
/// </summary>
public sealed class HandlerGuideTests
{
    private const string GuidePath = "docs/writing-a-handler.md";
    private const string SampleDirectory = "samples/Baton.Samples.HelloHandler";
    private const string Marker = "<!-- sample: ";

    [Fact]
    public void Guide_EveryMarkedCodeBlock_EqualsTheSampleFile()
    {
        var root = RepositoryRoot();
        var blocks = ExtractMarkedBlocks(File.ReadAllText(Path.Combine(root, GuidePath)));

        Assert.NotEmpty(blocks);
        foreach (var (file, code) in blocks)
        {
            var path = Path.Combine(root, SampleDirectory, file);
            Assert.True(File.Exists(path), $"{GuidePath} shows '{file}', which is not a file in {SampleDirectory}.");
            var difference = FirstDifference(Normalize(File.ReadAllText(path)), code);
            Assert.True(difference is null, $"{GuidePath}: the block for {file} differs from the sample file at {difference}. Copy the file into the guide.");
        }
    }

    [Fact]
    public void Guide_ShowsEverySampleSourceFile()
    {
        var root = RepositoryRoot();
        var shown = ExtractMarkedBlocks(File.ReadAllText(Path.Combine(root, GuidePath))).Select(b => b.File).ToHashSet(StringComparer.Ordinal);
        var sampleRoot = Path.Combine(root, SampleDirectory);
        var sources = Directory.EnumerateFiles(sampleRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(sampleRoot, f).Replace('\\', '/'))
            .Where(f => !f.StartsWith("bin/", StringComparison.Ordinal) && !f.StartsWith("obj/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.NotEmpty(sources);
        var missing = sources.Where(f => !shown.Contains(f)).ToList();
        Assert.True(missing.Count == 0, $"{GuidePath} does not show {string.Join(", ", missing)}; add a '{Marker}FILE -->' line and the file's code block.");
    }

    [Fact]
    public void ExtractMarkedBlocks_MarkedBlock_ReturnsTheCodeBetweenTheFences()
    {
        var blocks = ExtractMarkedBlocks("text\n<!-- sample: A.cs -->\n```csharp\nclass A\n{\n}\n```\nmore\n```bash\nnot marked\n```\n");

        var block = Assert.Single(blocks);
        Assert.Equal("A.cs", block.File);
        Assert.Equal("class A\n{\n}", block.Code);
    }

    [Fact]
    public void ExtractMarkedBlocks_MarkerWithoutCodeBlock_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ExtractMarkedBlocks("<!-- sample: A.cs -->\nno fence here\n"));

        Assert.Contains("A.cs", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstDifference_ChangedLine_NamesTheLine()
    {
        Assert.Null(FirstDifference("a\nb", "a\nb"));
        Assert.Equal("line 2 ('b' in the file, 'c' in the guide)", FirstDifference("a\nb", "a\nc"));
        Assert.Equal("line 3 ('z' in the file, end of block in the guide)", FirstDifference("a\nb\nz", "a\nb"));
    }

    /// <summary>The blocks that follow a sample marker: the file named by the marker and the block's text.</summary>
    internal static List<(string File, string Code)> ExtractMarkedBlocks(string markdown)
    {
        var lines = Normalize(markdown).Split('\n');
        var blocks = new List<(string File, string Code)>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith(Marker, StringComparison.Ordinal) || !line.EndsWith("-->", StringComparison.Ordinal))
            {
                continue;
            }

            var file = line[Marker.Length..^"-->".Length].Trim();
            var open = i + 1;
            if (open >= lines.Length || !lines[open].StartsWith("```", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The sample marker for {file} must be followed at once by a ``` code block.");
            }

            var close = Array.FindIndex(lines, open + 1, l => l.StartsWith("```", StringComparison.Ordinal));
            if (close < 0)
            {
                throw new InvalidOperationException($"The code block for {file} is never closed.");
            }

            blocks.Add((file, string.Join('\n', lines[(open + 1)..close])));
            i = close;
        }

        return blocks;
    }

    /// <summary>Where two texts first differ, by line, or null when they are equal.</summary>
    internal static string? FirstDifference(string file, string guide)
    {
        var a = file.Split('\n');
        var b = guide.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var left = i < a.Length ? $"'{a[i]}'" : "end of file";
            var right = i < b.Length ? $"'{b[i]}'" : "end of block";
            if (left != right)
            {
                return $"line {i + 1} ({left} in the file, {right} in the guide)";
            }
        }

        return null;
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n');

    /// <summary>The checkout: found from this source file's location, then from the test's directory.</summary>
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Baton.slnx")))
                {
                    return directory;
                }
            }
        }

        throw new InvalidOperationException("Cannot find the Baton checkout (a directory with Baton.slnx) above the tests.");
    }
}
