using Baton.Agent.Polling;

namespace Baton.Agent.Hosting;

/// <summary>Where the agent is in its life, and its pollers' health: what the health check reads.</summary>
public sealed class AgentStatus
{
    private volatile AgentState _state;
    private volatile IReadOnlyList<PollerHealth> _pollers = [];

    /// <summary>The agent's state.</summary>
    public AgentState State => _state;

    /// <summary>The health of each action type's poller.</summary>
    public IReadOnlyList<PollerHealth> Pollers => _pollers;

    internal void Set(AgentState state) => _state = state;

    internal void SetPollers(IReadOnlyList<PollerHealth> pollers) => _pollers = pollers;
}

/// <summary>The agent's life, in order.</summary>
public enum AgentState
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>Re-running jobs found in the journal, before polling.</summary>
    Resuming,

    /// <summary>Polling and running jobs.</summary>
    Polling,

    /// <summary>Stopping: polling has ended, running jobs are finishing or being handed back.</summary>
    Draining,

    /// <summary>Stopped.</summary>
    Stopped,
}
