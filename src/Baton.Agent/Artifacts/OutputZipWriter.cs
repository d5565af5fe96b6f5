using System.IO.Compression;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Zips a handler's output directory. Entries use forward slashes and ordinal order so the same
/// directory always gives the same entry list; Unix permission bits are kept (executable scripts
/// stay executable). Symbolic links are refused: following one could publish a file from outside
/// the directory, and storing one would hand the next action a link it must reject.
/// </summary>
internal static class OutputZipWriter
{
    private const int RegularFileType = 0x8000;
    private const int DirectoryType = 0x4000;

    public static async Task WriteAsync(string artifactName, string sourceDirectory, string zipPath, CancellationToken cancellationToken)
    {
        var root = new DirectoryInfo(Path.GetFullPath(sourceDirectory));
        if (!root.Exists)
        {
            throw new ArtifactException(ArtifactFailureReason.InvalidOutput, artifactName,
                $"Output artifact '{artifactName}' cannot be uploaded: the directory '{root.FullName}' does not exist. Write the output files there first.");
        }

        await using var file = new FileStream(zipPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, useAsync: true);
        await using var archive = new ZipArchive(file, ZipArchiveMode.Create, leaveOpen: true);
        await AddDirectoryAsync(artifactName, archive, root, root, cancellationToken);
    }

    private static async Task AddDirectoryAsync(string artifactName, ZipArchive archive, DirectoryInfo root, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        var children = directory.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        if (children.Count == 0 && directory.FullName != root.FullName)
        {
            var entry = archive.CreateEntry(EntryName(root, directory) + "/");
            entry.ExternalAttributes = (DirectoryType | 0x1ED) << 16;
        }

        foreach (var child in children)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (child.LinkTarget is not null)
            {
                throw new ArtifactException(ArtifactFailureReason.InvalidOutput, artifactName,
                    $"Output artifact '{artifactName}' cannot be uploaded: '{EntryName(root, child)}' is a symbolic link. Copy the file it points to into the output directory instead.");
            }

            if (child is DirectoryInfo subdirectory)
            {
                await AddDirectoryAsync(artifactName, archive, root, subdirectory, cancellationToken);
                continue;
            }

            var entry = archive.CreateEntry(EntryName(root, child), CompressionLevel.Optimal);
            entry.LastWriteTime = child.LastWriteTime;
            if (!OperatingSystem.IsWindows())
            {
                entry.ExternalAttributes = (RegularFileType | (int)File.GetUnixFileMode(child.FullName)) << 16;
            }

            await using var source = new FileStream(child.FullName, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
            await using var target = await entry.OpenAsync(cancellationToken);
            await source.CopyToAsync(target, cancellationToken);
        }
    }

    private static string EntryName(DirectoryInfo root, FileSystemInfo item) =>
        Path.GetRelativePath(root.FullName, item.FullName).Replace(Path.DirectorySeparatorChar, '/');
}
