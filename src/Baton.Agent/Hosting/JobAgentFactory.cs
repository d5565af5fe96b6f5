using Baton.Agent.Artifacts;
using Baton.Agent.Continuation;
using Baton.Agent.Drain;
using Baton.Agent.Handlers;
using Baton.Agent.Jobs;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Baton.Agent.Polling;
using Baton.Agent.Runner;
using Baton.Agent.Telemetry;
using Baton.CodePipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Hosting;

/// <summary>
/// Builds the <see cref="JobAgent"/> from the container: for each registered handler, the job port
/// of its owner (Custom → <see cref="CustomJobService"/> with the handler's queryParam, ThirdParty
/// → <see cref="ThirdPartyJobService"/>), a <see cref="JobRunner"/> and a <see cref="JobPoller"/>.
/// </summary>
internal static class JobAgentFactory
{
    public static JobAgent Create(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AgentOptions>>();
        var handlers = services.GetRequiredService<IOptions<AgentHandlerOptions>>().Value;
        var client = services.GetRequiredService<ICodePipelineClient>();
        var time = services.GetRequiredService<TimeProvider>();
        var drain = services.GetRequiredService<JobDrain>();
        var pollers = handlers.Handlers.Select(registration =>
        {
            // Validated at start; Parse only restates the validated id.
            var actionTypeId = ActionTypeIds.Parse(registration.ActionType);
            IJobService port = actionTypeId.Owner == "ThirdParty"
                ? new ThirdPartyJobService(client, actionTypeId, services.GetRequiredService<IClientTokenProvider>())
                : new CustomJobService(client, actionTypeId, registration.Options.QueryParam);

            // A reported continuation wakes the action type's idle poller: its next job is queued already.
            var wakeup = new PollWakeup();
            var jobs = new ContinuationWakeJobService(port, wakeup);
            var runner = new JobRunner(
                jobs,
                (IJobHandler)services.GetRequiredService(registration.HandlerType),
                services.GetRequiredService<ContinuationCodec>(),
                services.GetRequiredService<IJobJournal>(),
                services.GetRequiredService<AgentTelemetry>(),
                time,
                options,
                services.GetRequiredService<ILogger<JobRunner>>(),
                services.GetService<JobArtifactsFactory>());
            return new JobPoller(
                jobs,
                runner,
                registration.Options.MaxConcurrency,
                drain,
                options.Value.Polling,
                services.GetRequiredService<IJitterSource>(),
                time,
                services.GetRequiredService<ILogger<JobPoller>>(),
                wakeup);
        });
        return new JobAgent(
            pollers,
            drain,
            services.GetRequiredService<IJobJournal>(),
            services.GetRequiredService<AgentStatus>(),
            options,
            services.GetRequiredService<ILogger<JobAgent>>());
    }
}
