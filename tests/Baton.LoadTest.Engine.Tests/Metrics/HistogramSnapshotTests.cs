using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Tests.Metrics;

public sealed class HistogramSnapshotTests
{
    private static readonly double[] _percentiles = [0.1, 1, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.99, 100];

    [Fact]
    public void Merge_RunSplitInParts_GivesExactlyTheWholeRunsPercentiles()
    {
        var random = new Random(20240611);
        var values = Enumerable.Range(0, 50_000).Select(_ => (long)Math.Exp(random.NextDouble() * 16)).ToArray();
        var whole = LatencyHistograms.Create();
        var parts = Enumerable.Range(0, 7).Select(_ => LatencyHistograms.Create()).ToArray();
        for (var i = 0; i < values.Length; i++)
        {
            LatencyHistograms.Record(whole, values[i]);
            LatencyHistograms.Record(parts[random.Next(parts.Length)], values[i]);
        }

        var merged = HistogramSnapshot.Merge(parts.Select(p => HistogramSnapshot.Parse(HistogramSnapshot.From(p).Base64)));
        var expected = HistogramSnapshot.From(whole);

        Assert.Equal(expected.Count, merged.Count);
        Assert.Equal(_percentiles.Select(expected.ValueAtPercentile), _percentiles.Select(merged.ValueAtPercentile));
        Assert.Equal(expected.Summarize(), merged.Summarize());
        Assert.Equal(expected.Base64, merged.Base64);
    }

    [Fact]
    public void Parse_EncodedSnapshot_RoundTripsEveryCount()
    {
        var histogram = LatencyHistograms.Create();
        foreach (var micros in new long[] { 1, 2, 999, 1_000, 1_001, 123_456, 3_000_000, 59_000_000, LatencyHistograms.HighestMicroseconds })
        {
            histogram.RecordValueWithCount(micros, micros % 7 + 1);
        }

        var snapshot = HistogramSnapshot.From(histogram);
        var parsed = HistogramSnapshot.Parse(snapshot.Base64);

        Assert.Equal(histogram.TotalCount, parsed.Count);
        Assert.Equal(snapshot.Summarize(), parsed.Summarize());
        Assert.Equal(snapshot.Base64, HistogramSnapshot.Merge([parsed]).Base64);
        Assert.Equal(TimeSpan.FromMicroseconds(histogram.GetValueAtPercentile(99.9)), parsed.ValueAtPercentile(99.9));
    }

    [Fact]
    public void Parse_EmptySnapshot_RoundTrips()
    {
        var parsed = HistogramSnapshot.Parse(HistogramSnapshot.Empty.Base64);

        Assert.Equal(0, parsed.Count);
        Assert.Equal(LatencySummary.Empty, parsed.Summarize());
    }

    [Theory]
    [InlineData("not base64!", "The histogram snapshot is not valid base64.")]
    [InlineData("AAAAAAAAAAAAAAAA", "The histogram snapshot is not a compressed HdrHistogram encoding.")]
    public void Parse_Garbage_ThrowsFormatException(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => HistogramSnapshot.Parse(text));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Record_ValueBeyondRange_IsClampedNotLost()
    {
        var histogram = LatencyHistograms.Create();

        LatencyHistograms.Record(histogram, LatencyHistograms.HighestMicroseconds * 10);
        LatencyHistograms.Record(histogram, 0);

        Assert.Equal(2, histogram.TotalCount);
    }
}
