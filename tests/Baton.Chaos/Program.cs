using System.Runtime.InteropServices;
using Baton.Chaos;

if (args is ["--help" or "-h"])
{
    Console.WriteLine(ChaosCommandLine.Usage);
    return 0;
}

var (commandLine, error) = ChaosCommandLine.Parse(args);
if (commandLine is null)
{
    await Console.Error.WriteLineAsync("error: " + error);
    await Console.Error.WriteLineAsync(ChaosCommandLine.Usage);
    return 2;
}

// Ctrl+C or SIGTERM stops the run; the scenario then kills every child process it started.
using var stop = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var report = await ChaosRun.RunAsync(commandLine.Profile, commandLine.Journal, Console.Out, commandLine.KeepLogs, stop.Token);
Console.WriteLine();
Console.Write(report.Render());
return report.Passed ? 0 : 1;
