using System.IO.Compression;

namespace Baton.Agent.Artifacts;

/// <summary>
/// Extracts an input artifact without trusting it. Every entry is checked before anything is
/// written (names, symbolic links, declared sizes and ratios); while writing, the bytes actually
/// inflated are counted again, because an archive can lie about its sizes. A rejected artifact
/// leaves none of its files behind.
/// </summary>
internal sealed class SafeZipExtractor(ArtifactOptions options)
{
    private const int SymbolicLinkType = 0xA000;
    private const int FileTypeMask = 0xF000;

    public async Task<ExtractedArtifact> ExtractAsync(string artifactName, string zipPath, string destination, CancellationToken cancellationToken)
    {
        var directory = new ExtractionDirectory(destination);
        await using var file = new FileStream(zipPath, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException ex)
        {
            throw new ArtifactException(
                ArtifactFailureReason.NotAZipFile,
                artifactName,
                $"Input artifact '{artifactName}' is not a ZIP file ({ex.Message.TrimEnd('.')}). CodePipeline artifacts are ZIP archives: check the action that produced it.",
                ex);
        }

        using (archive)
        {
            var plan = Plan(artifactName, archive, directory);
            var written = new List<string>();
            try
            {
                var total = 0L;
                foreach (var (entry, fullPath) in plan)
                {
                    total += await WriteAsync(artifactName, entry, fullPath, directory, total, written, cancellationToken);
                }

                return new ExtractedArtifact(directory.Root, written.Count, total);
            }
            catch
            {
                DeleteQuietly(written);

                throw;
            }
        }
    }

    private List<(ZipArchiveEntry Entry, string FullPath)> Plan(string artifactName, ZipArchive archive, ExtractionDirectory directory)
    {
        var plan = new List<(ZipArchiveEntry, string)>();
        var declaredTotal = 0L;
        foreach (var entry in archive.Entries)
        {
            if (plan.Count >= options.MaxEntryCount)
            {
                throw Rejected(ArtifactFailureReason.TooManyEntries, artifactName, entry.FullName,
                    $"the artifact has {archive.Entries.Count} entries, more than the limit of {options.MaxEntryCount} ({ArtifactOptions.SectionName}:MaxEntryCount)");
            }

            if (ZipEntryPath.Check(entry.FullName, out var relative, out _) is { } violation)
            {
                throw Rejected(violation.Reason, artifactName, entry.FullName, violation.Rule);
            }

            if (((entry.ExternalAttributes >> 16) & FileTypeMask) == SymbolicLinkType)
            {
                throw Rejected(ArtifactFailureReason.SymbolicLink, artifactName, entry.FullName, "symbolic links are never extracted");
            }

            var fullPath = relative.Length == 0 ? directory.Root : directory.Resolve(relative);
            if (fullPath is null)
            {
                throw Rejected(ArtifactFailureReason.InvalidEntryName, artifactName, entry.FullName, "an entry must resolve inside the extraction directory");
            }

            declaredTotal += entry.Length;
            if (declaredTotal > options.MaxExtractedBytes)
            {
                throw TooLarge(artifactName, entry.FullName);
            }

            if (ExceedsRatio(entry.Length, entry.CompressedLength))
            {
                throw CompressionRatio(artifactName, entry.FullName, entry.Length, entry.CompressedLength);
            }

            plan.Add((entry, fullPath));
        }

        return plan;
    }

    private async Task<long> WriteAsync(
        string artifactName, ZipArchiveEntry entry, string fullPath, ExtractionDirectory directory, long totalSoFar, List<string> written, CancellationToken cancellationToken)
    {
        var isDirectory = entry.FullName.EndsWith('/') || entry.FullName.EndsWith('\\') || fullPath == directory.Root;
        var conflict = directory.EnsureDirectory(isDirectory ? fullPath : Path.GetDirectoryName(fullPath)!)
            ?? (isDirectory ? null : ExtractionDirectory.CheckFileTarget(fullPath));
        if (conflict is not null)
        {
            throw Rejected(conflict.Value.Reason, artifactName, entry.FullName, conflict.Value.Rule);
        }

        if (isDirectory)
        {
            return 0;
        }

        written.Add(fullPath);
        var count = 0L;
        try
        {
            await using var source = await entry.OpenAsync(cancellationToken);
            await using var target = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
            {
                count += read;
                if (count > entry.Length)
                {
                    throw Rejected(ArtifactFailureReason.TooLarge, artifactName, entry.FullName, $"an entry must not extract to more than the {entry.Length} bytes it declares");
                }

                if (totalSoFar + count > options.MaxExtractedBytes)
                {
                    throw TooLarge(artifactName, entry.FullName);
                }

                if (ExceedsRatio(count, entry.CompressedLength))
                {
                    throw CompressionRatio(artifactName, entry.FullName, count, entry.CompressedLength);
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        catch (InvalidDataException ex)
        {
            throw Rejected(ArtifactFailureReason.NotAZipFile, artifactName, entry.FullName, $"an entry must be readable, and this one is not ({ex.Message})");
        }

        ExtractionDirectory.ApplyUnixMode(fullPath, entry.ExternalAttributes);
        return count;
    }

    private static void DeleteQuietly(List<string> paths)
    {
        foreach (var path in paths)
        {
            try
            {
                File.Delete(path);
            }
            catch (IOException)
            {
                // Best effort: the job fails with the original error either way.
            }
        }
    }

    private bool ExceedsRatio(long uncompressed, long compressed) =>
        uncompressed > options.CompressionRatioThreshold && uncompressed > options.MaxCompressionRatio * Math.Max(compressed, 1);

    private ArtifactException TooLarge(string artifactName, string entryName) =>
        Rejected(ArtifactFailureReason.TooLarge, artifactName, entryName,
            $"the artifact must not extract to more than {options.MaxExtractedBytes} bytes ({ArtifactOptions.SectionName}:MaxExtractedBytes)");

    private ArtifactException CompressionRatio(string artifactName, string entryName, long uncompressed, long compressed) =>
        Rejected(ArtifactFailureReason.CompressionRatio, artifactName, entryName,
            $"an entry must not expand more than {options.MaxCompressionRatio} times ({ArtifactOptions.SectionName}:MaxCompressionRatio), and this one expands {compressed} bytes to {uncompressed} or more (a zip bomb)");

    private static ArtifactException Rejected(ArtifactFailureReason reason, string artifactName, string entryName, string rule) =>
        new(reason, artifactName, $"Input artifact '{artifactName}' was rejected at entry '{entryName}': {rule}. None of its files were kept.");
}
