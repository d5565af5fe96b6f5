using Baton.Agent.Artifacts;

namespace Baton.Agent.Tests.Artifacts;

public sealed class ZipEntryPathTests
{
    [Theory]
    [InlineData("a.txt", "a.txt", false)]
    [InlineData("dir/sub/a.txt", "dir/sub/a.txt", false)]
    [InlineData("dir\\a.txt", "dir/a.txt", false)]
    [InlineData("./dir//a.txt", "dir/a.txt", false)]
    [InlineData("dir/", "dir", true)]
    [InlineData("..foo/bar..", "..foo/bar..", false)]
    public void Check_SafeName_ReturnsRelativePath(string name, string expected, bool expectedDirectory)
    {
        var violation = ZipEntryPath.Check(name, out var relative, out var isDirectory);

        Assert.Null(violation);
        Assert.Equal(expected.Replace('/', Path.DirectorySeparatorChar), relative);
        Assert.Equal(expectedDirectory, isDirectory);
    }

    [Theory]
    [InlineData("../a", ArtifactFailureReason.PathTraversal)]
    [InlineData("a/../../b", ArtifactFailureReason.PathTraversal)]
    [InlineData("a\\..\\..\\b", ArtifactFailureReason.PathTraversal)]
    [InlineData("a/..", ArtifactFailureReason.PathTraversal)]
    [InlineData("/etc/passwd", ArtifactFailureReason.AbsolutePath)]
    [InlineData("\\windows\\x", ArtifactFailureReason.AbsolutePath)]
    [InlineData("\\\\server\\share\\x", ArtifactFailureReason.AbsolutePath)]
    [InlineData("//server/share/x", ArtifactFailureReason.AbsolutePath)]
    [InlineData("C:\\x", ArtifactFailureReason.AbsolutePath)]
    [InlineData("c:x", ArtifactFailureReason.AbsolutePath)]
    [InlineData("", ArtifactFailureReason.InvalidEntryName)]
    [InlineData("a\0b", ArtifactFailureReason.InvalidEntryName)]
    public void Check_UnsafeName_ReturnsTheRule(string name, ArtifactFailureReason expected)
    {
        var violation = ZipEntryPath.Check(name, out _, out _);

        Assert.NotNull(violation);
        Assert.Equal(expected, violation.Value.Reason);
    }
}
