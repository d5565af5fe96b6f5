using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Baton.Cli.Tests;

/// <summary>
/// The acceptance test of the .NET tool: pack src/Baton.Cli, install the package into a tool
/// path from that folder only, and run the installed <c>baton --help</c>.
/// </summary>
public sealed class PackagingTests : IDisposable
{
    private static readonly TimeSpan _stepLimit = TimeSpan.FromMinutes(15);
    private readonly string _root = Directory.CreateTempSubdirectory("baton-pack-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task PackInstallRun_ToolPackage_InstalledBatonPrintsHelp()
    {
        var feed = Directory.CreateDirectory(Path.Combine(_root, "feed")).FullName;
        var tools = Path.Combine(_root, "tools");
        var project = Path.Combine(RepositoryRoot(), "src", "Baton.Cli", "Baton.Cli.csproj");

        // Reuse the build this test run already made when it used an artifacts path; build afresh otherwise.
        var pack = ArtifactsRoot() is { } artifacts
            ? await RunAsync("dotnet", "pack", project, "-o", feed, "-c", "Debug", "--no-build", "--artifacts-path", artifacts)
            : await RunAsync("dotnet", "pack", project, "-o", feed, "--artifacts-path", Path.Combine(_root, "artifacts"));
        Assert.True(pack.ExitCode == 0, pack.Output);
        Assert.True(File.Exists(Path.Combine(feed, "baton.0.1.0.nupkg")), pack.Output);

        // Only the local feed: the test must install this build, never a package of the same name from elsewhere.
        var config = Path.Combine(_root, "nuget.config");
        await File.WriteAllTextAsync(config, """
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /></packageSources></configuration>
            """);
        var install = await RunAsync("dotnet", "tool", "install", "--tool-path", tools, "baton", "--add-source", feed, "--version", "0.1.0", "--configfile", config);
        Assert.True(install.ExitCode == 0, install.Output);

        var help = await RunAsync(Path.Combine(tools, OperatingSystem.IsWindows() ? "baton.exe" : "baton"), "--help");
        Assert.True(help.ExitCode == ExitCodes.Success, help.Output);
        Assert.Contains("USAGE:", help.Output);
        Assert.Contains("loadtest", help.Output);
        Assert.Contains("pipeline", help.Output);
    }

    // The checkout this test file was compiled from, wherever the binaries were built.
    private static string RepositoryRoot([CallerFilePath] string sourceFile = "")
    {
        for (var directory = new FileInfo(sourceFile).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Baton.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Baton.slnx not found above {sourceFile}.");
    }

    // With --artifacts-path the CLI lands in <root>/bin/Baton.Cli/debug/baton.dll.
    private static string? ArtifactsRoot()
    {
        var cli = new FileInfo(typeof(BatonApp).Assembly.Location).Directory;
        return cli is { Name: "debug", Parent: { Name: "Baton.Cli", Parent: { Name: "bin", Parent: { } root } } }
            && File.Exists(Path.Combine(root.FullName, "obj", "Baton.Cli", "project.assets.json"))
            ? root.FullName
            : null;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start.");
        using var limit = new CancellationTokenSource(_stepLimit);
        var output = process.StandardOutput.ReadToEndAsync(limit.Token);
        var error = process.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, $"{fileName} {string.Join(' ', arguments)}\n{await output}\n{await error}");
    }
}
