namespace Baton.LoadTest.Engine.Plan;

/// <summary>
/// One stage of an open-model rate profile: over <paramref name="Duration"/> the arrival rate moves
/// linearly from where the previous stage ended to <paramref name="TargetRate"/>.
/// </summary>
/// <param name="Duration">How long the stage lasts.</param>
/// <param name="TargetRate">The arrival rate, in requests per second, at the end of the stage.</param>
public sealed record RateStage(TimeSpan Duration, double TargetRate);
