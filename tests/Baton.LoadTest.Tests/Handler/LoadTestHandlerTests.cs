using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Store;
using Baton.LoadTest.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baton.LoadTest.Tests.Handler;

public sealed class LoadTestHandlerTests : IAsyncLifetime
{
    private TestService _service = null!;
    private TargetApp _target = null!;

    public async Task InitializeAsync()
    {
        _target = await TargetApp.StartAsync();
        _service = await TestService.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _target.DisposeAsync();
    }

    private LoadTestHandler Handler(Func<JobContext, string?>? clientId = null) => new(
        new LoadTestServiceClient(new HttpClient()),
        Options.Create(new LoadTestHandlerOptions { ServiceUrl = _service.Url, ClientIdSelector = clientId }),
        TimeProvider.System,
        NullLogger<LoadTestHandler>.Instance,
        _service.ConnectedClients);

    private Dictionary<string, string> Configuration(string path = "/ok", string? thresholds = null) => new()
    {
        ["TargetUrl"] = _target.At(path),
        ["Duration"] = "2s",
        ["Rate"] = "10",
        ["Thresholds"] = thresholds ?? string.Empty,
        ["ApiKey"] = TestService.Alpha.ApiKey,
    };

    // Start, then Continue (waiting on the service's change feed between steps) until a final result.
    private async Task<(StepResult.Continuing First, StepResult Final, int Steps)> RunAsync(LoadTestHandler handler, JobContext job)
    {
        var first = Assert.IsType<StepResult.Continuing>(await handler.StartAsync(job, CancellationToken.None));
        var state = first.State;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var step = 2; ; step++)
        {
            var next = _service.Feed.NextChange;
            var result = await handler.ContinueAsync(job, state, CancellationToken.None);
            if (result is not StepResult.Continuing continuing)
            {
                return (first, result, step);
            }

            Assert.Equal(state, continuing.State);
            Assert.Equal(state, continuing.ExternalExecutionId);
            Assert.InRange(continuing.CheckAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
            await next.WaitAsync(timeout.Token);
        }
    }

    [Fact]
    public async Task Handler_PassingTest_StartsContinuesAndSucceeds()
    {
        var job = Jobs.Context(Configuration(thresholds: "p95<10s; errors<1%"));

        var (first, final, steps) = await RunAsync(Handler(), job);

        Assert.True(Guid.TryParse(first.State, out _));
        Assert.Equal(first.State, first.ExternalExecutionId);
        Assert.Equal($"Queued load test {first.State}", first.Summary);
        var succeeded = Assert.IsType<StepResult.Succeeded>(final);
        Assert.Matches(@"^PASSED [\d.,]+ req/s · p95 [\d.,]+ ms · 0% errors$", succeeded.Summary);
        Assert.True(steps >= 2);
        var test = await _service.Client.GetTestAsync(_service.Url, TestService.Alpha.ApiKey, first.State, CancellationToken.None);
        Assert.Equal("shop / Test / Load", test.Name);
    }

    [Fact]
    public async Task Handler_ThresholdsMissed_FailsListingEachFailedThreshold()
    {
        var job = Jobs.Context(Configuration("/fail", thresholds: "p95<10s; errors<1%; p99<1us"));

        var (_, final, _) = await RunAsync(Handler(), job);

        var failed = Assert.IsType<StepResult.Failed>(final);
        Assert.Equal(FailureType.JobFailed, failed.FailureType);
        Assert.StartsWith("FAILED thresholds: errors<1% (measured 100%); p99<1us (measured ", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("p95<10s", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Handler_StartRunTwiceWithSameIdempotencyKey_CreatesOneTest()
    {
        var job = Jobs.Context(Configuration());
        var handler = Handler();

        var first = Assert.IsType<StepResult.Continuing>(await handler.StartAsync(job, CancellationToken.None));
        var again = Assert.IsType<StepResult.Continuing>(await handler.StartAsync(job, CancellationToken.None));

        Assert.Equal(first.State, again.State);
        var tests = await _service.Client.ListTestsAsync(_service.Url, TestService.Alpha.ApiKey, CancellationToken.None);
        Assert.Single(tests, t => t.Id == first.State);
        Assert.Single(tests);
    }

    [Fact]
    public async Task Handler_CancelledTest_FailsWithReason()
    {
        var handler = Handler();
        var configuration = Configuration();
        configuration["Duration"] = "60s";
        var job = Jobs.Context(configuration);
        var started = Assert.IsType<StepResult.Continuing>(await handler.StartAsync(job, CancellationToken.None));
        await _service.Client.CancelTestAsync(_service.Url, TestService.Alpha.ApiKey, started.State, CancellationToken.None);
        await _service.WaitForEndAsync(started.State);

        var result = await handler.ContinueAsync(job, started.State, CancellationToken.None);

        var failed = Assert.IsType<StepResult.Failed>(result);
        Assert.Equal(FailureType.JobFailed, failed.FailureType);
        Assert.Contains("was cancelled", failed.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TargetUrl", null, "TargetUrl", "is required")]
    [InlineData("TargetUrl", "ftp://127.0.0.1/", "TargetUrl", "absolute http or https URL")]
    [InlineData("Duration", "soon", "Duration", "a duration such as 30s")]
    [InlineData("Duration", "0s", "Duration", "must be positive")]
    [InlineData("Rate", null, "Rate", "neither is set")]
    [InlineData("Users", "5", "Rate", "not both")]
    [InlineData("Rate", "-3", "Rate", "positive number")]
    [InlineData("RampUp", "5s", "RampUp", "must not be longer than 'Duration'")]
    [InlineData("Thresholds", "p95 < 300", "Thresholds", "column 10")]
    [InlineData("Headers", "[1,2]", "Headers", "JSON object of strings")]
    [InlineData("ApiKey", null, "ApiKey", "'ApiKey' is required")]
    public async Task Start_InvalidConfiguration_ThrowsNamingTheProperty(string property, string? value, string expectedProperty, string message)
    {
        var configuration = Configuration();
        if (value is null)
        {
            configuration.Remove(property);
        }
        else
        {
            configuration[property] = value;
        }

        var ex = await Assert.ThrowsAsync<JobConfigurationException>(async () => await Handler().StartAsync(Jobs.Context(configuration), CancellationToken.None));

        Assert.Equal(expectedProperty, ex.PropertyName);
        Assert.Contains(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_TargetNotAllowedByService_ThrowsConfigurationErrorForTargetUrl()
    {
        var configuration = Configuration();
        configuration["TargetUrl"] = "http://10.0.0.1/";

        var ex = await Assert.ThrowsAsync<JobConfigurationException>(async () => await Handler().StartAsync(Jobs.Context(configuration), CancellationToken.None));

        Assert.Equal("TargetUrl", ex.PropertyName);
        Assert.Contains("The load-test service rejected the configuration", ex.Message, StringComparison.Ordinal);
        Assert.Contains("is not an allowed target", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ApiKeyRejected_ThrowsConfigurationErrorForApiKey()
    {
        var configuration = Configuration();
        configuration["ApiKey"] = "not-a-key";

        var ex = await Assert.ThrowsAsync<JobConfigurationException>(async () => await Handler().StartAsync(Jobs.Context(configuration), CancellationToken.None));

        Assert.Equal("ApiKey", ex.PropertyName);
        Assert.Contains("rejected the API key", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_ThirdPartyJobOfConnectedClient_UsesTheConnectedAccount()
    {
        await _service.Store.SaveClientAsync(new ConnectedClient("client-7", "token-7", TestService.Beta.Id, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var configuration = Configuration();
        configuration.Remove("ApiKey");
        var job = Jobs.Context(configuration, thirdParty: true);

        var started = Assert.IsType<StepResult.Continuing>(await Handler(_ => "client-7").StartAsync(job, CancellationToken.None));

        var test = await _service.Client.GetTestAsync(_service.Url, TestService.Beta.ApiKey, started.State, CancellationToken.None);
        Assert.Equal(started.State, test.Id);
    }

    [Fact]
    public async Task Start_ThirdPartyJobWithoutSelector_UsesTheJobsClientIdToFindTheAccount()
    {
        await _service.Store.SaveClientAsync(new ConnectedClient("client-8", "token-8", TestService.Beta.Id, DateTimeOffset.UnixEpoch), CancellationToken.None);
        var configuration = Configuration();
        configuration.Remove("ApiKey");
        var template = Jobs.Context(configuration, thirdParty: true);
        var job = new JobContext
        {
            JobId = template.JobId,
            IsThirdParty = true,
            ClientId = "client-8",
            ActionTypeId = template.ActionTypeId,
            Configuration = template.Configuration,
            Pipeline = template.Pipeline,
            Step = template.Step,
            ActionStartedAt = template.ActionStartedAt,
            IdempotencyKey = template.IdempotencyKey,
        };

        var started = Assert.IsType<StepResult.Continuing>(await Handler().StartAsync(job, CancellationToken.None));

        var test = await _service.Client.GetTestAsync(_service.Url, TestService.Beta.ApiKey, started.State, CancellationToken.None);
        Assert.Equal(started.State, test.Id);
    }

    [Fact]
    public async Task Start_ThirdPartyJobOfUnknownClient_ThrowsConfigurationError()
    {
        var configuration = Configuration();
        configuration.Remove("ApiKey");

        var ex = await Assert.ThrowsAsync<JobConfigurationException>(async () =>
            await Handler(_ => "never-connected").StartAsync(Jobs.Context(configuration, thirdParty: true), CancellationToken.None));

        Assert.Equal("ApiKey", ex.PropertyName);
        Assert.Contains("never-connected is not connected", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Continue_UnknownTest_FailsJob()
    {
        var result = await Handler().ContinueAsync(Jobs.Context(Configuration(), step: 2), Guid.NewGuid().ToString(), CancellationToken.None);

        var failed = Assert.IsType<StepResult.Failed>(result);
        Assert.Equal(FailureType.JobFailed, failed.FailureType);
        Assert.Contains("no longer exists", failed.Message, StringComparison.Ordinal);
    }
}
