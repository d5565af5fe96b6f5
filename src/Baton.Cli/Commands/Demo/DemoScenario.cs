using System.Globalization;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// What the demo's load test does: the same thresholds for both variants; the passing variant
/// loads the sample app's fast home page, the failing one (<c>--fail</c>) its slow, failing
/// <c>/checkout</c>, so the verdict comes from real measurements, not from rigged thresholds.
/// </summary>
/// <param name="Fail">Whether this is the failing variant.</param>
/// <param name="Duration">How long the load test sends requests.</param>
/// <param name="Thresholds">The pass/fail thresholds; <see cref="DefaultThresholds"/> unless <c>--thresholds</c> says otherwise.</param>
internal sealed record DemoScenario(bool Fail, TimeSpan Duration, string Thresholds)
{
    /// <summary>The demo pipeline's name.</summary>
    public const string PipelineName = "baton-demo";

    /// <summary>
    /// The thresholds both variants are held to by default: loose enough for a busy laptop, while
    /// the failing endpoint misses both (it takes 600 ms and fails a quarter of its requests).
    /// </summary>
    public const string DefaultThresholds = "p95<500ms; errors<1%";

    /// <summary>Requests per second (open model).</summary>
    public const int Rate = 20;

    /// <summary>The path of the sample app the test loads.</summary>
    public string TargetPath => Fail ? DemoTargetApp.CheckoutPath : "/";

    /// <summary>The load test's duration as the action configuration writes it.</summary>
    public string DurationSetting => ((int)Math.Ceiling(Duration.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s";

    /// <summary>The action configuration the sign-up page is filled with.</summary>
    /// <param name="target">The sample app's base URL.</param>
    public IReadOnlyDictionary<string, string> LoadTestConfiguration(Uri target) => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["TargetUrl"] = new Uri(target, TargetPath).AbsoluteUri,
        ["Duration"] = DurationSetting,
        ["Rate"] = Rate.ToString(CultureInfo.InvariantCulture),
        ["Thresholds"] = Thresholds,
    };

    /// <summary>How long the demo waits for the pipeline before it gives up: the test plus a generous margin.</summary>
    public TimeSpan Deadline => Duration + TimeSpan.FromMinutes(3);

    /// <summary>A one-line description for the start of the run.</summary>
    public string Describe(Uri target) =>
        $"{Rate} requests/s for {DurationSetting} on {new Uri(target, TargetPath).AbsoluteUri}, thresholds {Thresholds}"
        + (Fail ? " (the failing variant: /checkout takes 600 ms and answers 503 to every fourth request)" : string.Empty);
}
