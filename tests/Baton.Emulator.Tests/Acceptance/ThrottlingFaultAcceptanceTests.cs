using System.Net;
using System.Net.Http.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>A seeded throttling fault on PollForJobs, seen by 200 signed calls from Baton's client with retries off.</summary>
public sealed class ThrottlingFaultAcceptanceTests : IAsyncLifetime
{
    private const int Calls = 200;
    private const int Seed = 20250106;
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task PollForJobs_ThrottlingAtHalfWithSeed_ThrottlesExactlyTheSeededCallsWithThrottlingException()
    {
        using var added = await _emulator.Http.PostAsJsonAsync("/_baton/faults", new { operation = "PollForJobs", fault = "throttling", probability = 0.5, seed = Seed });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
#pragma warning disable CA5394 // The emulator's seeded sequence, to predict which calls it throttles.
        var reference = new Random(Seed);
        var expected = Enumerable.Range(0, Calls).Select(_ => reference.NextDouble() < 0.5).ToList();
#pragma warning restore CA5394

        var throttled = new List<bool>();
        for (var i = 0; i < Calls; i++)
        {
            try
            {
                await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() });
                throttled.Add(false);
            }
            catch (CodePipelineServiceException error) when (error.ErrorCode == "ThrottlingException")
            {
                Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
                throttled.Add(true);
            }
        }

        Assert.Equal(expected, throttled);
        Assert.InRange(throttled.Count(t => t), 70, 130);
        var raw = await _emulator.SendRawAsync("CodePipeline_20150709.ListPipelines", "{}");
        Assert.Equal(200, raw.Status);
    }
}
