using System.Net;
using System.Net.Sockets;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Baton.LoadTest.Tests.Handler;

public sealed class ServiceUnavailableTests
{
    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}/");
    }

    // Runs a step, advancing fake time by exactly each backoff the handler waits for.
    private static async Task<(StepResult Result, List<TimeSpan> Waits)> RunWithFakeTimeAsync(Func<LoadTestHandler, Task<StepResult>> step, Uri service, Func<Task>? whileWaiting = null)
    {
        var time = new SignallingTimeProvider(new FakeTimeProvider());
        var handler = new LoadTestHandler(
            new LoadTestServiceClient(new HttpClient()),
            Options.Create(new LoadTestHandlerOptions
            {
                ServiceUrl = service,
                UnavailableBudget = TimeSpan.FromSeconds(10),
                InitialBackoff = TimeSpan.FromSeconds(1),
                MaxBackoff = TimeSpan.FromSeconds(4),
            }),
            time,
            NullLogger<LoadTestHandler>.Instance);
        var running = step(handler);
        var waits = new List<TimeSpan>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var timer = time.TimersCreated.ReadAsync(timeout.Token).AsTask();
            if (await Task.WhenAny(running, timer) == running)
            {
                return (await running, waits);
            }

            var due = await timer;
            waits.Add(due);
            if (whileWaiting is not null)
            {
                await whileWaiting();
            }

            time.Fake.Advance(due);
        }
    }

    private static Dictionary<string, string> Configuration() => new()
    {
        ["TargetUrl"] = "http://127.0.0.1:9/",
        ["Duration"] = "2s",
        ["Rate"] = "10",
        ["ApiKey"] = TestService.Alpha.ApiKey,
    };

    [Fact]
    public async Task Start_ServiceDown_RetriesWithBackoffThenFailsSystemUnavailable()
    {
        var service = ClosedPort();

        var (result, waits) = await RunWithFakeTimeAsync(h => h.StartAsync(Jobs.Context(Configuration()), CancellationToken.None).AsTask(), service);

        var failed = Assert.IsType<StepResult.Failed>(result);
        Assert.Equal(FailureType.SystemUnavailable, failed.FailureType);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], waits);
        Assert.Contains($"The load-test service at {service} was unreachable for 7 s (4 attempts)", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_ServiceDown_FailsSystemUnavailable()
    {
        var (result, _) = await RunWithFakeTimeAsync(
            h => h.ContinueAsync(Jobs.Context(Configuration(), step: 2), Guid.NewGuid().ToString(), CancellationToken.None).AsTask(),
            ClosedPort());

        Assert.Equal(FailureType.SystemUnavailable, Assert.IsType<StepResult.Failed>(result).FailureType);
    }

    [Fact]
    public async Task Start_ServiceBackBeforeBudget_Continues()
    {
        var service = ClosedPort();
        TestService? started = null;
        try
        {
            var (result, waits) = await RunWithFakeTimeAsync(
                h => h.StartAsync(Jobs.Context(Configuration()), CancellationToken.None).AsTask(),
                service,
                async () => started ??= await TestService.StartAsync(o => o with { Port = service.Port }));

            var continuing = Assert.IsType<StepResult.Continuing>(result);
            Assert.Equal([TimeSpan.FromSeconds(1)], waits);
            Assert.True(Guid.TryParse(continuing.State, out _));
        }
        finally
        {
            if (started is not null)
            {
                await started.DisposeAsync();
            }
        }
    }
}
