using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Transport;

namespace Baton.LoadTest.Engine.Tests.Metrics;

public sealed class RunRecorderTests
{
    [Fact]
    public async Task Collect_ManyThreadsRecording_LosesNothingAndSplitsExactly()
    {
        using var recorder = new RunRecorder(TimeProvider.System);
        var whole = new MetricsBucket();
        const int Threads = 8;
        const int PerThread = 20_000;
        using var start = new Barrier(Threads + 1);
        var writers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (var i = 0; i < PerThread; i++)
                {
                    recorder.RecordSent();
                    var result = i % 10 == 0
                        ? TransportResult.Failed(LoadErrorKind.Timeout, 0)
                        : new TransportResult(i % 3 == 0 ? 500 : 200, LoadErrorKind.None, 0, 10, 100);
                    recorder.RecordCompleted(0, 0, (i + 1) * TimeProvider.System.TimestampFrequency / 1_000_000, result);
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();

        start.SignalAndWait();
        var collections = 0;
        while (!writers.All(w => w.IsCompleted))
        {
            var part = new MetricsBucket();
            recorder.Collect(part);
            whole.Add(part);
            collections++;
        }

        await Task.WhenAll(writers);
        recorder.Collect(whole);

        var counters = whole.ToCounters();
        Assert.True(collections > 0);
        Assert.Equal(Threads * PerThread, counters.Sent);
        Assert.Equal(Threads * PerThread / 10, counters.ErrorCounts[LoadErrorKind.Timeout]);
        Assert.Equal(counters.Sent, counters.Completed);
        Assert.Equal(counters.Responses, whole.Corrected.TotalCount);
        Assert.Equal(Threads * 6_000, counters.StatusCounts[500]);
        Assert.Equal(counters.Responses * 100, counters.BytesReceived);
    }
}
