using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Plan;

/// <summary>
/// Everything a load test run needs. Call <see cref="Validate"/> (the runner does) to get every
/// problem at once, each naming the setting and the value to fix.
/// </summary>
public sealed record LoadTestPlan
{
    /// <summary>What each request sends.</summary>
    public required LoadTestRequest Request { get; init; }

    /// <summary>How load is generated.</summary>
    public required LoadModel Model { get; init; }

    /// <summary>How long one request may take, from the start of its send, before it counts as a timeout.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Which client sends the requests.</summary>
    public TransportKind Transport { get; init; } = TransportKind.Auto;

    /// <summary>
    /// Connections per server. Defaults to the number of virtual users (closed model) or 100
    /// (open model). HTTP/2 multiplexes requests, so one connection is usually enough there.
    /// </summary>
    public int? Connections { get; init; }

    /// <summary>Pass/fail thresholds, e.g. <c>p95&lt;300ms; errors&lt;1%; rps&gt;=500</c>; none when null or blank.</summary>
    public string? Thresholds { get; init; }

    /// <summary>Ends the run early once a threshold can no longer pass, whatever the rest of the run does.</summary>
    public bool AbortOnThresholdLoss { get; init; }

    /// <summary>The connection count the run uses.</summary>
    public int EffectiveConnections => Connections ?? (Model is ClosedLoadModel closed ? closed.VirtualUsers : 100);

    /// <summary>Checks every setting.</summary>
    /// <returns>The parsed thresholds.</returns>
    /// <exception cref="LoadTestPlanException">One or more settings are invalid; the message lists them all.</exception>
    public IReadOnlyList<Threshold> Validate()
    {
        var problems = new List<string>();
        LoadTestPlanRules.CheckRequest(Request, Transport, problems);
        LoadTestPlanRules.CheckModel(Model, problems);
        if (RequestTimeout <= TimeSpan.Zero || RequestTimeout > TimeSpan.FromHours(1))
        {
            problems.Add($"RequestTimeout must be more than 0 and at most 1 hour, was {RequestTimeout}.");
        }

        if (Connections is < 1 or > 100_000)
        {
            problems.Add($"Connections must be between 1 and 100000, was {Connections}.");
        }

        IReadOnlyList<Threshold> thresholds = [];
        if (!string.IsNullOrWhiteSpace(Thresholds))
        {
            try
            {
                thresholds = ThresholdParser.Parse(Thresholds);
            }
            catch (ThresholdParseException ex)
            {
                problems.Add($"Thresholds: {ex.Message}");
            }
        }

        return problems.Count > 0 ? throw new LoadTestPlanException(problems) : thresholds;
    }
}
