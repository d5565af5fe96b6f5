namespace Baton.Agent.Artifacts;

/// <summary>
/// The name rules every entry of an input artifact must pass before anything is written: no
/// absolute paths (leading slash, drive letter, UNC share), no <c>..</c> segments, no control
/// characters. Both <c>/</c> and <c>\</c> count as separators, because ZIP tools on Windows write
/// backslashes and an artifact may be extracted on either system.
/// </summary>
internal static class ZipEntryPath
{
    private static readonly char[] _separators = ['/', '\\'];

    /// <summary>
    /// Checks an entry name and returns its path relative to the extraction directory, with the
    /// platform's separator; empty for an entry that names the directory itself (<c>./</c>).
    /// </summary>
    /// <returns>A rule violation, or <see langword="null"/> when the name is safe.</returns>
    public static (ArtifactFailureReason Reason, string Rule)? Check(string fullName, out string relativePath, out bool isDirectory)
    {
        relativePath = string.Empty;
        isDirectory = fullName.EndsWith('/') || fullName.EndsWith('\\');
        if (fullName.Length == 0)
        {
            return (ArtifactFailureReason.InvalidEntryName, "an entry name must not be empty");
        }

        if (fullName.Any(char.IsControl))
        {
            return (ArtifactFailureReason.InvalidEntryName, "an entry name must not contain control characters");
        }

        if (fullName[0] is '/' or '\\')
        {
            return (ArtifactFailureReason.AbsolutePath, "an entry name must be relative, not start with a slash or a UNC share");
        }

        if (fullName.Length >= 2 && char.IsAsciiLetter(fullName[0]) && fullName[1] == ':')
        {
            return (ArtifactFailureReason.AbsolutePath, "an entry name must be relative, not start with a drive letter");
        }

        var segments = fullName.Split(_separators, StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s == ".."))
        {
            return (ArtifactFailureReason.PathTraversal, "an entry name must not contain a '..' segment");
        }

        relativePath = string.Join(Path.DirectorySeparatorChar, segments.Where(s => s != "."));
        return null;
    }
}
