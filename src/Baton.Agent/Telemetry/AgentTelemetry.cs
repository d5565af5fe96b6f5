using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Baton.Agent.Telemetry;

/// <summary>
/// The agent's meter and activity source, both named <c>Baton.Agent</c>: counters of job outcomes
/// and a histogram of step durations. Pass an <see cref="IMeterFactory"/> so the host's metrics
/// pipeline (and tests) see the instruments.
/// </summary>
public sealed class AgentTelemetry : IDisposable
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Baton.Agent";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments.</summary>
    /// <param name="meterFactory">The host's meter factory; null creates a standalone meter.</param>
    public AgentTelemetry(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Acknowledged = _meter.CreateCounter<long>("baton.agent.jobs.acknowledged", "{job}", "Jobs acknowledged with status InProgress.");
        Continued = _meter.CreateCounter<long>("baton.agent.jobs.continued", "{job}", "Jobs reported as success with a continuation token.");
        Succeeded = _meter.CreateCounter<long>("baton.agent.jobs.succeeded", "{job}", "Jobs reported as the final success of an action execution.");
        Failed = _meter.CreateCounter<long>("baton.agent.jobs.failed", "{job}", "Jobs reported as failures.");
        HandedBack = _meter.CreateCounter<long>("baton.agent.jobs.handed_back", "{job}", "Jobs handed back because the agent stopped.");
        StepDuration = _meter.CreateHistogram<double>("baton.agent.step.duration", "s", "Time from acknowledgement to an accepted report.");
    }

    /// <summary>The activity source of job steps.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Jobs acknowledged with status InProgress.</summary>
    public Counter<long> Acknowledged { get; }

    /// <summary>Jobs reported with a continuation token.</summary>
    public Counter<long> Continued { get; }

    /// <summary>Final successes.</summary>
    public Counter<long> Succeeded { get; }

    /// <summary>Failures.</summary>
    public Counter<long> Failed { get; }

    /// <summary>Jobs handed back on stop.</summary>
    public Counter<long> HandedBack { get; }

    /// <summary>Step durations in seconds.</summary>
    public Histogram<double> StepDuration { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        // A factory-created meter belongs to the factory, which disposes it with the host.
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
