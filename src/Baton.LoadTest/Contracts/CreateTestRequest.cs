namespace Baton.LoadTest.Contracts;

/// <summary>
/// The body of <c>POST /api/v1/tests</c>. Give either <see cref="Rate"/> (open model: requests per
/// second, whatever the target does) or <see cref="Users"/> (closed model: virtual users), never both.
/// Durations are written like <c>30s</c>, <c>1m30s</c>, <c>500ms</c> or <c>00:00:30</c>.
/// </summary>
public sealed record CreateTestRequest
{
    /// <summary>A name to show on the details page; defaults to the first target URL.</summary>
    public string? Name { get; init; }

    /// <summary>The URL to load (shorthand for a single entry of <see cref="Targets"/>).</summary>
    public string? TargetUrl { get; init; }

    /// <summary>Several URLs to load, sent to in turn (equal weights).</summary>
    public IReadOnlyList<string>? Targets { get; init; }

    /// <summary>The HTTP method; GET by default.</summary>
    public string? Method { get; init; }

    /// <summary>Request headers.</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>The request body (UTF-8 text), if any.</summary>
    public string? Body { get; init; }

    /// <summary>The arrival rate in requests per second (open model).</summary>
    public double? Rate { get; init; }

    /// <summary>The number of virtual users (closed model).</summary>
    public int? Users { get; init; }

    /// <summary>How long to send, e.g. <c>30s</c>; required.</summary>
    public string? Duration { get; init; }

    /// <summary>How long to ramp up: the rate rises from 0, or users start spread over it.</summary>
    public string? RampUp { get; init; }

    /// <summary>Pass/fail thresholds, e.g. <c>p95&lt;300ms; errors&lt;1%; rps&gt;=500</c>.</summary>
    public string? Thresholds { get; init; }
}
