namespace Baton.LoadTest.Engine.Plan;

/// <summary>How load is generated: an open model (arrival rate) or a closed model (virtual users).</summary>
public abstract record LoadModel
{
    private protected LoadModel()
    {
    }

    /// <summary>How long the model sends for (the in-flight requests then get to finish).</summary>
    public abstract TimeSpan Duration { get; }
}
