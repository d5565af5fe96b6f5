using System.Net;
using System.Text;
using Baton.Cli.Infrastructure;
using Baton.LoadTest.Engine.Plan;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>Turns validated <see cref="LoadTestRunSettings"/> into the engine's <see cref="LoadTestPlan"/>.</summary>
internal static class LoadTestPlanBuilder
{
    /// <summary>The open model's rate when neither <c>--rate</c> nor <c>--users</c> is given.</summary>
    public const double DefaultRate = 10;

    public static LoadTestPlan Build(LoadTestRunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var duration = DurationText.Read(settings.Duration, TimeSpan.Zero);
        var rampUp = DurationText.Read(settings.RampUp, TimeSpan.Zero);
        return new LoadTestPlan
        {
            Request = new LoadTestRequest
            {
                Method = settings.Method.ToUpperInvariant(),
                Targets = [new RequestTarget(new Uri(settings.Url, UriKind.Absolute))],
                Headers = [.. settings.Headers.Select(SplitHeader)],
                Body = settings.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(settings.Body),
                HttpVersion = settings.Http2 ? HttpVersion.Version20 : HttpVersion.Version11,
            },
            Model = settings.Users is { } users
                ? new ClosedLoadModel(users, duration) { RampUp = rampUp, ThinkTime = DurationText.Read(settings.ThinkTime, TimeSpan.Zero) }
                : OpenModel(settings.Rate ?? DefaultRate, duration, rampUp),
            RequestTimeout = DurationText.Read(settings.Timeout, TimeSpan.FromSeconds(10)),
            Connections = settings.Connections,
            Thresholds = settings.Thresholds,
        };
    }

    private static OpenLoadModel OpenModel(double rate, TimeSpan duration, TimeSpan rampUp) => rampUp > TimeSpan.Zero
        ? OpenLoadModel.Ramping(0, new RateStage(rampUp, rate), new RateStage(duration - rampUp, rate))
        : OpenLoadModel.Constant(rate, duration);

    private static KeyValuePair<string, string> SplitHeader(string header)
    {
        var colon = header.IndexOf(':', StringComparison.Ordinal);
        return new(header[..colon].Trim(), header[(colon + 1)..].Trim());
    }
}
