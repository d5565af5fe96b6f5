using System.Reflection;

namespace Baton.Emulator.Console;

/// <summary>
/// The console's script and style sheet, embedded in the assembly (Console/Assets) so the console
/// needs no files next to the executable, no CDN and no build step.
/// </summary>
internal static class ConsoleAssets
{
    private static readonly Dictionary<string, (byte[] Content, string ContentType)> _assets = Load();

    /// <summary>Finds an asset by file name, for example <c>console.js</c>.</summary>
    public static bool TryGet(string name, out byte[] content, out string contentType)
    {
        if (_assets.TryGetValue(name, out var asset))
        {
            (content, contentType) = asset;
            return true;
        }

        (content, contentType) = ([], "");
        return false;
    }

    private static Dictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        const string prefix = "Baton.Emulator.Console.Assets.";
        var assets = new Dictionary<string, (byte[], string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".js" => "text/javascript; charset=utf-8",
                ".css" => "text/css; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            assets[name] = (Read(assembly, resource), type);
        }

        if (!assets.ContainsKey("console.js") || !assets.ContainsKey("console.css"))
        {
            throw new InvalidOperationException("The console's assets are missing from Baton.Emulator; the project must embed Console/Assets/**.");
        }

        return assets;
    }

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
