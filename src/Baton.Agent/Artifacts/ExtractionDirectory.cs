namespace Baton.Agent.Artifacts;

/// <summary>
/// The directory an input artifact is extracted into. It creates the directories entries need and
/// refuses to write through a symbolic link that is already there, so an entry can never land
/// outside the directory, whatever the directory already contains.
/// </summary>
internal sealed class ExtractionDirectory
{
    private readonly HashSet<string> _checked = new(StringComparer.Ordinal);

    public ExtractionDirectory(string path)
    {
        var full = Path.GetFullPath(path);
        Root = Path.TrimEndingDirectorySeparator(full);
        RootWithSeparator = Root + Path.DirectorySeparatorChar;
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string RootWithSeparator { get; }

    /// <summary>The full path of a relative entry path, or <see langword="null"/> when it falls outside the root.</summary>
    public string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        return full.StartsWith(RootWithSeparator, StringComparison.Ordinal) ? full : null;
    }

    /// <summary>Creates a directory and its parents below the root; returns a rule violation instead when one is a link or a file.</summary>
    public (ArtifactFailureReason Reason, string Rule)? EnsureDirectory(string fullPath)
    {
        var relative = Path.GetRelativePath(Root, fullPath);
        if (relative == ".")
        {
            return null;
        }

        var current = Root;
        foreach (var segment in relative.Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            if (_checked.Contains(current))
            {
                continue;
            }

            var info = new DirectoryInfo(current);
            if (info.LinkTarget is not null)
            {
                return (ArtifactFailureReason.SymbolicLink, $"entries must not be written through the symbolic link '{Path.GetRelativePath(Root, current)}' in the extraction directory");
            }

            if (File.Exists(current))
            {
                return (ArtifactFailureReason.InvalidEntryName, $"'{Path.GetRelativePath(Root, current)}' must not be both a file and a directory");
            }

            info.Create();
            _checked.Add(current);
        }

        return null;
    }

    /// <summary>Checks that a file may be (over)written; returns a rule violation when the path is a link or a directory.</summary>
    public static (ArtifactFailureReason Reason, string Rule)? CheckFileTarget(string fullPath)
    {
        var info = new FileInfo(fullPath);
        if (info.LinkTarget is not null)
        {
            return (ArtifactFailureReason.SymbolicLink, "entries must not overwrite a symbolic link in the extraction directory");
        }

        return Directory.Exists(fullPath) ? (ArtifactFailureReason.InvalidEntryName, "an entry must not be both a file and a directory") : null;
    }

    /// <summary>Keeps an entry's Unix permission bits (such as executable scripts), never set-id or sticky bits.</summary>
    public static void ApplyUnixMode(string fullPath, int externalAttributes)
    {
        var mode = (externalAttributes >> 16) & 0x1FF;
        if (mode == 0 || OperatingSystem.IsWindows())
        {
            return;
        }

        File.SetUnixFileMode(fullPath, (UnixFileMode)mode | UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
