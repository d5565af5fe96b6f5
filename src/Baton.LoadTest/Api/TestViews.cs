using Baton.LoadTest.Contracts;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Thresholds;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Api;

/// <summary>Turns stored tests into what the API and the pages show.</summary>
public static class TestViews
{
    /// <summary>The API view of a test.</summary>
    /// <param name="test">The test.</param>
    /// <param name="serviceUrl">The service's base URL as the caller reached it, for the details link.</param>
    /// <returns>The view.</returns>
    public static TestView ToView(TestRecord test, Uri? serviceUrl)
    {
        ArgumentNullException.ThrowIfNull(test);
        var figures = Figures(test.Figures);
        var definition = test.Definition;
        return new TestView
        {
            Id = test.Id.ToString(),
            Name = definition.Name,
            Status = test.Status,
            PercentComplete = test.HasEnded ? 100 : test.Figures.PercentComplete,
            Targets = definition.Targets,
            Method = definition.Method,
            Rate = definition.Rate,
            Users = definition.Users,
            DurationSeconds = definition.Duration.TotalSeconds,
            CreatedAt = test.CreatedAt,
            StartedAt = test.StartedAt,
            EndedAt = test.EndedAt,
            Figures = figures,
            Thresholds = Thresholds(test),
            Summary = test.Status == TestStatus.Queued
                ? "Queued"
                : FiguresText.Summary(figures.RequestsPerSecond, figures.P95Ms, figures.ErrorPercent),
            Reason = test.Reason,
            DetailsUrl = serviceUrl is null ? null : new Uri(serviceUrl, $"tests/{test.Id}").AbsoluteUri,
        };
    }

    /// <summary>The per-second series of a test.</summary>
    /// <param name="seconds">The stored seconds.</param>
    /// <returns>One point per second.</returns>
    public static IReadOnlyList<TestSecondView> Seconds(IEnumerable<TestSecondRecord> seconds)
    {
        ArgumentNullException.ThrowIfNull(seconds);
        return [.. seconds.Select(s =>
        {
            var snapshot = HistogramSnapshot.Parse(s.LatencyHistogram);
            double? p95 = snapshot.Count == 0 ? null : snapshot.ValueAtPercentile(95).TotalMilliseconds;
            return new TestSecondView(s.Second, s.Requests, s.Errors, p95);
        })];
    }

    private static TestFiguresView Figures(TestFigures figures)
    {
        LatencySummary? latency = null;
        if (figures.LatencyHistogram is { } encoded)
        {
            var snapshot = HistogramSnapshot.Parse(encoded);
            latency = snapshot.Count == 0 ? null : snapshot.Summarize();
        }

        return new TestFiguresView(
            figures.ElapsedSeconds,
            figures.Requests,
            figures.Errors,
            figures.RequestsPerSecond,
            figures.Requests == 0 ? 0 : figures.Errors * 100.0 / figures.Requests,
            latency?.P50.TotalMilliseconds,
            latency?.P95.TotalMilliseconds,
            latency?.P99.TotalMilliseconds);
    }

    private static List<ThresholdView> Thresholds(TestRecord test)
    {
        if (test.ThresholdOutcomes.Count > 0)
        {
            return [.. test.ThresholdOutcomes.Select(t => new ThresholdView(t.Expression, t.Passed, t.Measured))];
        }

        return test.Definition.Thresholds is { } expression
            ? [.. ThresholdParser.Parse(expression).Select(t => new ThresholdView(t.ToString(), null, null))]
            : [];
    }
}
