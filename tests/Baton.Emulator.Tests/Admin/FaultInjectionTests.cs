using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Admin;

public sealed class FaultInjectionTests : IAsyncLifetime
{
    private const string ListPipelines = "CodePipeline_20150709.ListPipelines";
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Fault_CountTwo_ThrottlesExactlyTheNextTwoCallsOfThatOperation()
    {
        await AddFaultAsync(new { operation = "ListPipelines", fault = "throttling", count = 2 });

        var statuses = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await _emulator.SendRawAsync(ListPipelines, "{}")).Status);
        }

        var other = await _emulator.SendRawAsync("CodePipeline_20150709.ListActionTypes", "{}");
        Assert.Equal([400, 400, 200, 200], statuses);
        Assert.Equal(200, other.Status);
    }

    [Fact]
    public async Task Fault_Throttling_AnswersThrottlingExceptionRateExceeded()
    {
        await AddFaultAsync(new { operation = "*", fault = "throttling", count = 1 });

        var response = await _emulator.SendRawAsync(ListPipelines, "{}");

        Assert.Equal(400, response.Status);
        Assert.Equal("{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}", response.Body);
    }

    [Fact]
    public async Task Fault_ProbabilityWithSeed_HitsTheCallsTheSeededSequencePicks()
    {
        await AddFaultAsync(new { operation = "*", fault = "http503", probability = 0.3, seed = 7 });
#pragma warning disable CA5394 // The same seeded sequence the emulator uses, to predict its decisions.
        var reference = new Random(7);
        var expected = Enumerable.Range(0, 40).Select(_ => reference.NextDouble() < 0.3 ? 503 : 200).ToList();
#pragma warning restore CA5394

        var actual = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            actual.Add((await _emulator.SendRawAsync(ListPipelines, "{}")).Status);
        }

        Assert.Equal(expected, actual);
        Assert.Contains(503, actual);
        Assert.Contains(200, actual);
    }

    [Fact]
    public async Task Fault_Http500_AnswersInternalFailure()
    {
        await AddFaultAsync(new { operation = "ListPipelines", fault = "http500", count = 1 });

        var response = await _emulator.SendRawAsync(ListPipelines, "{}");

        Assert.Equal(500, response.Status);
        Assert.Contains("InternalFailure", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fault_Drop_ClosesTheConnectionWithoutAnswer()
    {
        await AddFaultAsync(new { operation = "ListPipelines", fault = "drop", count = 1 });

        await Assert.ThrowsAsync<HttpRequestException>(() => _emulator.SendRawAsync(ListPipelines, "{}"));
        Assert.Equal(200, (await _emulator.SendRawAsync(ListPipelines, "{}")).Status);
    }

    [Fact]
    public async Task Fault_Latency_StillAnswersTheCall()
    {
        await AddFaultAsync(new { operation = "ListPipelines", fault = "latency", latencyMs = 1, count = 1 });

        Assert.Equal(200, (await _emulator.SendRawAsync(ListPipelines, "{}")).Status);
    }

    [Fact]
    public async Task DeleteFaults_AfterAdding_RemovesEveryRule()
    {
        await AddFaultAsync(new { operation = "*", fault = "throttling" });

        using var deleted = await _emulator.Http.DeleteAsync("/_baton/faults");

        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(200, (await _emulator.SendRawAsync(ListPipelines, "{}")).Status);
    }

    [Theory]
    [InlineData("{\"operation\":\"Nope\",\"fault\":\"throttling\"}", "is not a CodePipeline operation")]
    [InlineData("{\"fault\":\"explode\"}", "is not a fault")]
    [InlineData("{\"fault\":\"throttling\",\"probability\":1.5}", "use a number from 0 to 1")]
    [InlineData("{\"fault\":\"latency\"}", "needs latencyMs")]
    [InlineData("{\"fault\":", "not valid JSON")]
    public async Task AddFault_InvalidRule_Answers400WithWhatToFix(string body, string message)
    {
        using var response = await _emulator.Http.PostAsync("/_baton/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AfterCallsAndErrors_CountsPerOperation()
    {
        await _emulator.SendRawAsync(ListPipelines, "{}");
        await _emulator.SendRawAsync("CodePipeline_20150709.GetPipeline", "{\"name\":\"none\"}");

        using var metrics = JsonDocument.Parse(await _emulator.Http.GetStringAsync("/_baton/metrics"));

        var operations = metrics.RootElement.GetProperty("operations");
        Assert.Equal(1, operations.GetProperty("ListPipelines").GetProperty("calls").GetInt64());
        Assert.Equal(1, operations.GetProperty("GetPipeline").GetProperty("errors").GetInt64());
        Assert.Equal(1, operations.GetProperty("GetPipeline").GetProperty("errorsByCode").GetProperty("PipelineNotFoundException").GetInt64());
        Assert.Equal("ok", (await _emulator.Http.GetFromJsonAsync<JsonElement>("/_baton/health")).GetProperty("status").GetString());
    }

    private async Task AddFaultAsync(object rule)
    {
        using var response = await _emulator.Http.PostAsJsonAsync("/_baton/faults", rule);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
