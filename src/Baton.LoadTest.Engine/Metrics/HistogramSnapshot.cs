using HdrHistogram;
using HdrHistogram.Utilities;

namespace Baton.LoadTest.Engine.Metrics;

/// <summary>
/// A latency histogram in a form to store and send: HdrHistogram's standard compressed encoding
/// (V2, DEFLATE) in base64, the same bytes other HdrHistogram implementations read. Only the
/// encoded form is held (a few hundred bytes to a few KB), so a long run's per-second series
/// stays small; queries decode on demand. Snapshots merge losslessly: merging the per-second
/// snapshots of a run gives exactly the run's histogram.
/// </summary>
public sealed class HistogramSnapshot
{
    private HistogramSnapshot(string encoded, long count)
    {
        Base64 = encoded;
        Count = count;
    }

    /// <summary>The encoded histogram (base64 of HdrHistogram's compressed V2 encoding).</summary>
    public string Base64 { get; }

    /// <summary>How many values the histogram holds.</summary>
    public long Count { get; }

    /// <summary>An empty histogram of the engine's shape.</summary>
    public static HistogramSnapshot Empty { get; } = From(LatencyHistograms.Create());

    /// <summary>Reads a snapshot back from <see cref="Base64"/>, checking that it decodes.</summary>
    /// <param name="base64">The encoded histogram.</param>
    /// <returns>The snapshot.</returns>
    /// <exception cref="FormatException">The text is not an encoded histogram.</exception>
    public static HistogramSnapshot Parse(string base64)
    {
        ArgumentNullException.ThrowIfNull(base64);
        return new HistogramSnapshot(base64, Decode(base64).TotalCount);
    }

    /// <summary>Adds snapshots together (exactly, count by count).</summary>
    /// <param name="snapshots">The snapshots to merge.</param>
    /// <returns>One snapshot holding every value of every input.</returns>
    public static HistogramSnapshot Merge(IEnumerable<HistogramSnapshot> snapshots)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var merged = LatencyHistograms.Create();
        foreach (var snapshot in snapshots)
        {
            merged.Add(Decode(snapshot.Base64));
        }

        return From(merged);
    }

    /// <summary>The value at a percentile (0 to 100).</summary>
    /// <param name="percentile">The percentile.</param>
    /// <returns>The latency.</returns>
    public TimeSpan ValueAtPercentile(double percentile) =>
        TimeSpan.FromMicroseconds(Decode(Base64).GetValueAtPercentile(percentile));

    /// <summary>The usual figures of the histogram.</summary>
    /// <returns>The summary.</returns>
    public LatencySummary Summarize() => LatencyHistograms.Summarize(Decode(Base64));

    internal static HistogramSnapshot From(HistogramBase histogram)
    {
        var buffer = ByteBuffer.Allocate(histogram.GetNeededByteBufferCapacity());
        var length = histogram.EncodeIntoCompressedByteBuffer(buffer);
        var bytes = new byte[length];
        buffer.Position = 0;
        for (var i = 0; i < length; i++)
        {
            bytes[i] = buffer.Get();
        }

        return new HistogramSnapshot(Convert.ToBase64String(bytes), histogram.TotalCount);
    }

    private static LongHistogram Decode(string base64)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException ex)
        {
            throw new FormatException("The histogram snapshot is not valid base64.", ex);
        }

        HistogramBase decoded;
        try
        {
            decoded = HistogramEncoding.DecodeFromCompressedByteBuffer(ByteBuffer.Allocate(bytes), LatencyHistograms.HighestMicroseconds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FormatException("The histogram snapshot is not a compressed HdrHistogram encoding.", ex);
        }

        // Normalise to the engine's shape so that any two decoded snapshots add exactly.
        var histogram = LatencyHistograms.Create();
        histogram.Add(decoded);
        return histogram;
    }
}
