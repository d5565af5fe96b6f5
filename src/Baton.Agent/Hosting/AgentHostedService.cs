using Baton.Agent.Options;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// Hosts the <see cref="JobAgent"/>: runs it from start to stop. When the host's shutdown timeout
/// ends <see cref="StopAsync"/>, the agent stops waiting for its jobs (they stay in the journal), so
/// the host stops on time. All behaviour is in <see cref="JobAgent"/>, which runs without a host.
/// </summary>
internal sealed class AgentHostedService : BackgroundService
{
    private readonly JobAgent _agent;
    private readonly AgentOptions _options;
    private readonly HostOptions _hostOptions;
    private readonly ILogger _logger;

    public AgentHostedService(JobAgent agent, IOptions<AgentOptions> options, IOptions<HostOptions> hostOptions, ILogger<AgentHostedService> logger)
    {
        _agent = agent;
        _options = options.Value;
        _hostOptions = hostOptions.Value;
        _logger = logger;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (_options.DrainTimeout >= _hostOptions.ShutdownTimeout)
        {
            Log.DrainTimeoutTooLong(_logger, _options.DrainTimeout, _hostOptions.ShutdownTimeout);
        }

        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var shutdownTimeout = cancellationToken.Register(_agent.Abandon);
        await base.StopAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _agent.RunAsync(stoppingToken);
}
