using System.Diagnostics;
using System.Text;

namespace Baton.Cli.Tests.Commands;

/// <summary>
/// <c>baton demo --keep</c> as a real process: it keeps everything running until it is told to
/// stop, and SIGTERM (what systemd, a container runtime or <c>kill</c> sends) stops it cleanly, like Ctrl-C.
/// </summary>
public sealed class DemoSignalTests
{
    private static readonly TimeSpan _limit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task DemoKeep_Sigterm_StopsTheDemoCleanly()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "baton.dll"), "demo", "--keep", "--fail", "--duration", "5s", "--plain" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet baton.dll did not start.");
        using var timeout = new CancellationTokenSource(_limit);
        var output = new StringBuilder();
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            // Wait until the demo says it keeps running: the line is the signal that it reached --keep.
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.StartsWith("Everything keeps running", StringComparison.Ordinal))
                {
                    break;
                }
            }

            Assert.Contains("Everything keeps running", output.ToString(), StringComparison.Ordinal);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(timeout.Token);
            }

            output.Append(await process.StandardOutput.ReadToEndAsync(timeout.Token));
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        var text = $"{output}\n{await error}";
        Assert.Contains("Stopping the demo.", text, StringComparison.Ordinal);
        // The --fail variant's pipeline failed, so the demo's own exit code stands: not a crash, not 143.
        Assert.True(process.ExitCode == ExitCodes.WorkFailed, $"exit code {process.ExitCode}:\n{text}");
        Assert.DoesNotContain("Unhandled exception", text, StringComparison.Ordinal);
    }
}
