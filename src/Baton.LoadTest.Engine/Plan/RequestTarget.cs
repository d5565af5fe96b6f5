namespace Baton.LoadTest.Engine.Plan;

/// <summary>One URL a run sends to, and its share of the sends.</summary>
/// <param name="Url">An absolute <c>http</c> or <c>https</c> URL.</param>
/// <param name="Weight">The relative share of sends (1 to 1000); weights 3 and 1 send 75% and 25%.</param>
public sealed record RequestTarget(Uri Url, int Weight = 1);
