using System.IO.Compression;

namespace Baton.Agent.Tests.Artifacts;

/// <summary>Builds ZIP files in memory, including the malicious shapes the extractor must reject.</summary>
internal static class TestZips
{
    /// <summary>Unix mode bits of a symbolic link (S_IFLNK | 0777) in a ZIP entry's external attributes.</summary>
    public const int SymbolicLinkAttributes = unchecked((int)0xA1FF_0000);

    public static byte[] Create(params (string Name, string Content)[] entries) =>
        Build(archive =>
        {
            foreach (var (name, content) in entries)
            {
                Add(archive, name, System.Text.Encoding.UTF8.GetBytes(content));
            }
        });

    public static byte[] Build(Action<ZipArchive> build)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            build(archive);
        }

        return buffer.ToArray();
    }

    public static ZipArchiveEntry Add(ZipArchive archive, string name, byte[] content, int? externalAttributes = null)
    {
        var entry = archive.CreateEntry(name, CompressionLevel.Optimal);
        if (externalAttributes is { } attributes)
        {
            entry.ExternalAttributes = attributes;
        }

        using var stream = entry.Open();
        stream.Write(content);
        return entry;
    }

    public static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
