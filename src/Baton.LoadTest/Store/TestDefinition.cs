namespace Baton.LoadTest.Store;

/// <summary>A validated test: what to send, how hard, for how long, and how to judge it.</summary>
public sealed record TestDefinition
{
    /// <summary>The name shown on the details page.</summary>
    public required string Name { get; init; }

    /// <summary>The absolute http(s) URLs to load, each allowed by the target allow-list.</summary>
    public required IReadOnlyList<string> Targets { get; init; }

    /// <summary>The HTTP method.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>Request headers.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The request body (UTF-8), if any.</summary>
    public string? Body { get; init; }

    /// <summary>The arrival rate (open model); exactly one of this and <see cref="Users"/> is set.</summary>
    public double? Rate { get; init; }

    /// <summary>The virtual users (closed model).</summary>
    public int? Users { get; init; }

    /// <summary>How long to send.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The ramp-up (part of <see cref="Duration"/>).</summary>
    public TimeSpan RampUp { get; init; }

    /// <summary>The threshold expression, if any.</summary>
    public string? Thresholds { get; init; }
}
