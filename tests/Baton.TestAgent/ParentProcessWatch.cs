using System.Diagnostics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Baton.TestAgent;

/// <summary>
/// Stops the agent when the test process that started it is gone (<c>--TestAgent:ParentProcessId</c>),
/// so a test run that is itself killed leaves no agent polling behind.
/// </summary>
internal sealed class ParentProcessWatch(IOptions<TestAgentOptions> options, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.ParentProcessId is not { } parentId)
        {
            return;
        }

        using var timer = new PeriodicTimer(_interval);
        try
        {
            while (IsRunning(parentId) && await timer.WaitForNextTickAsync(stoppingToken))
            {
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        lifetime.StopApplication();
    }

    private static bool IsRunning(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
