namespace Baton.Bench.Agent;

/// <summary>A benchmark step that cannot go on; the message says what went wrong and what to check.</summary>
/// <param name="message">The message.</param>
internal sealed class BenchException(string message) : Exception(message);
