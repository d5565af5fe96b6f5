namespace Baton.LoadTest.Engine.Plan;

/// <summary>
/// The closed model: a fixed number of virtual users, each sending a request, waiting for the
/// answer and thinking before the next. Users start spread evenly over the ramp-up.
/// </summary>
/// <param name="VirtualUsers">How many users (1 to 100,000).</param>
/// <param name="RunFor">How long users keep starting requests.</param>
public sealed record ClosedLoadModel(int VirtualUsers, TimeSpan RunFor) : LoadModel
{
    /// <summary>The time over which users start; user i starts at <c>RampUp * i / VirtualUsers</c>.</summary>
    public TimeSpan RampUp { get; init; }

    /// <summary>The pause each user takes after an answer before its next request.</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <inheritdoc/>
    public override TimeSpan Duration => RunFor;
}
