using Baton.Agent.Continuation;
using Baton.Agent.Drain;
using Baton.Agent.Handlers;
using Baton.Agent.Hosting;
using Baton.Agent.Jobs;
using Baton.Agent.Options;
using Baton.Agent.Polling;
using Baton.Agent.Runner;
using Baton.Agent.Telemetry;
using Microsoft.Extensions.Logging.Testing;

namespace Baton.Agent.Tests.Fakes;

/// <summary>
/// Pollers and a <see cref="JobAgent"/> wired to fakes: a fake port whose polls the test answers, a
/// fake handler and journal, scripted jitter and a clock that reports its timers.
/// </summary>
internal sealed class AgentHarness : IDisposable
{
    public const string AgentId = "agent-test";

    // A report timeout no poll or drain wait uses, so its timers can be told apart.
    public static readonly TimeSpan ReportTimeout = TimeSpan.FromMinutes(7);

    public AgentHarness()
    {
        Time = new TimerWatchingTimeProvider(RunnerHarness.Start) { Ignored = ReportTimeout };
        Codec = new ContinuationCodec(ContinuationKeyRing.Single(TestKeys.Key(1)));
        Jobs = new FakeJobService(Events);
        Handler = new FakeHandler(Events);
        Journal = new RecordingJournal(Events);
        Drain = new JobDrain(Time);
    }

    public EventLog Events { get; } = new();

    public TimerWatchingTimeProvider Time { get; }

    public ContinuationCodec Codec { get; }

    public FakeJobService Jobs { get; }

    public FakeHandler Handler { get; }

    public RecordingJournal Journal { get; }

    public JobDrain Drain { get; }

    public SequenceJitter Jitter { get; set; } = new(1);

    public AgentStatus Status { get; } = new();

    public AgentOptions Options { get; } = new()
    {
        AgentId = AgentId,
        StateDirectory = Path.GetTempPath(),
        ReportTimeout = ReportTimeout,
        DrainTimeout = TimeSpan.FromSeconds(20),
    };

    public FakeLogger<JobPoller> PollerLogger { get; } = new();

    public FakeLogger<JobAgent> AgentLogger { get; } = new();

    public FakeLogger<JobRunner> RunnerLogger { get; } = new();

    public JobPoller CreatePoller(int maxConcurrency = 4, IJobService? jobs = null)
    {
        var port = jobs ?? Jobs;
        var runner = new JobRunner(
            port, Handler, Codec, Journal, new AgentTelemetry(), Time, Microsoft.Extensions.Options.Options.Create(Options), RunnerLogger);
        return new JobPoller(port, runner, maxConcurrency, Drain, Options.Polling, Jitter, Time, PollerLogger);
    }

    public JobAgent CreateAgent(params JobPoller[] pollers) =>
        new(pollers, Drain, Journal, Status, Microsoft.Extensions.Options.Options.Create(Options), AgentLogger);

    /// <summary>A handler step that signals when it starts and runs until its token is cancelled.</summary>
    public static Func<CancellationToken, ValueTask<StepResult>> BlockUntilCancelled(TaskCompletionSource entered) => async ct =>
    {
        entered.TrySetResult();
        await Task.Delay(Timeout.InfiniteTimeSpan, ct);
        return StepResult.Succeed();
    };

    public void Dispose() => Drain.Dispose();
}
