namespace Baton.Agent.Hosting;

/// <summary>The settings of one action type's handler, set where the handler is registered.</summary>
public sealed class HandlerOptions
{
    /// <summary>The largest allowed <see cref="MaxConcurrency"/>.</summary>
    public const int MaxConcurrencyLimit = 1000;

    /// <summary>
    /// How many jobs of this action type run at the same time on this agent; also the largest
    /// <c>maxBatchSize</c> of a poll. Default: 4. Range: 1–1000.
    /// </summary>
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>
    /// Custom action types only: the <c>queryParam</c> of PollForJobs, which returns only jobs whose
    /// queryable configuration property has this value (at most one entry, for example
    /// <c>{ "ProjectName": "web" }</c>). Default: none.
    /// </summary>
    public Dictionary<string, string> QueryParam { get; } = new(StringComparer.Ordinal);
}

/// <summary>One registered handler: the action type text as given, the handler type and its settings.</summary>
/// <param name="ActionType">The action type id as registered, <c>Category/Owner/Provider/Version</c> (validated at start).</param>
/// <param name="HandlerType">The <see cref="Handlers.IJobHandler"/> implementation.</param>
/// <param name="Options">The handler's settings.</param>
public sealed record HandlerRegistration(string ActionType, Type HandlerType, HandlerOptions Options);

/// <summary>Every registered handler, collected by <see cref="BatonAgentBuilder.AddHandler{THandler}"/> and validated at start.</summary>
public sealed class AgentHandlerOptions
{
    /// <summary>The registrations, in order.</summary>
    public List<HandlerRegistration> Handlers { get; } = [];
}
