namespace Baton.Chaos.Processes;

/// <summary>Finds the <c>dotnet</c> host that runs the child processes: the one running this process, if any.</summary>
internal static class DotnetHost
{
    public static string Path { get; } = Find();

    /// <summary>The directory holding this scenario's assemblies and the children's (project references).</summary>
    public static string AssemblyDirectory => AppContext.BaseDirectory;

    private static string Find()
    {
        var fromCli = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromCli) && File.Exists(fromCli))
        {
            return fromCli;
        }

        var current = Environment.ProcessPath;
        return current is not null && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
