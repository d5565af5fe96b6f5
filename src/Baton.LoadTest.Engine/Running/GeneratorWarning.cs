namespace Baton.LoadTest.Engine.Running;

/// <summary>A sign that the load generator, not the target, limited the run.</summary>
/// <param name="Code">A stable code: <c>RateBelowTarget</c>, <c>MissedSends</c> or <c>SchedulerLag</c>.</param>
/// <param name="Message">What happened, with the numbers, and what to change.</param>
public sealed record GeneratorWarning(string Code, string Message);
