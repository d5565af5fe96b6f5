namespace Baton.LoadTest.Engine.Plan;

/// <summary>
/// The open model: requests arrive on a schedule (constant or ramping rate) whatever the target
/// does, and latency is measured from each request's intended send time.
/// </summary>
public sealed record OpenLoadModel : LoadModel
{
    /// <summary>The arrival rate, in requests per second, at the start of the first stage.</summary>
    public double StartRate { get; init; }

    /// <summary>The rate profile; at least one stage.</summary>
    public required IReadOnlyList<RateStage> Stages { get; init; }

    /// <summary>
    /// The most requests in flight at once. A send due while this many are in flight is not
    /// started and is counted as missed (the generator's concurrency cap was reached).
    /// </summary>
    public int MaxInFlight { get; init; } = 10_000;

    /// <summary>
    /// How far behind its schedule a send may start. A send the generator reaches later than
    /// this is not started and is counted as missed (the generator fell behind).
    /// </summary>
    public TimeSpan MaxScheduleLag { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How close to a send's intended time the scheduler stops sleeping on a timer and spins
    /// instead. Zero (the default) never spins: sends may then start up to about a timer tick
    /// (~1 ms) late, which the corrected latency includes. A window of e.g. 1 ms makes sends
    /// punctual at the cost of busy CPU.
    /// </summary>
    public TimeSpan SpinWindow { get; init; }

    /// <inheritdoc/>
    public override TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Duration);

    /// <summary>A constant arrival rate.</summary>
    /// <param name="rate">Requests per second.</param>
    /// <param name="duration">How long to send.</param>
    /// <returns>The model.</returns>
    public static OpenLoadModel Constant(double rate, TimeSpan duration) =>
        new() { StartRate = rate, Stages = [new RateStage(duration, rate)] };

    /// <summary>A ramping arrival rate.</summary>
    /// <param name="startRate">Requests per second at the start.</param>
    /// <param name="stages">The stages, each ramping linearly to its target rate.</param>
    /// <returns>The model.</returns>
    public static OpenLoadModel Ramping(double startRate, params RateStage[] stages) =>
        new() { StartRate = startRate, Stages = stages };
}
