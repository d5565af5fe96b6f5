using Baton.Emulator.Engine;

namespace Baton.Emulator.Hosting;

/// <summary>
/// Starts the engine before the emulator serves requests, then applies its timers
/// (<see cref="PipelineEngine.TickAsync"/>) every <see cref="EmulatorOptions.TimerInterval"/> of
/// the injected <see cref="TimeProvider"/>'s time.
/// </summary>
internal sealed partial class EngineTimerService(PipelineEngine engine, EmulatorOptions options, TimeProvider time, ILogger<EngineTimerService> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await engine.StartAsync(cancellationToken).ConfigureAwait(false);
        await base.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.RunTimer)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.TimerInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await engine.TickAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    TickFailed(logger, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(201, LogLevel.Error, "Applying the engine's timers failed; trying again at the next tick")]
    private static partial void TickFailed(ILogger logger, Exception exception);
}
