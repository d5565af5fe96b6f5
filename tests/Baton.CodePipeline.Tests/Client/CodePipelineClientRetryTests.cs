using System.Net;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Logging;

namespace Baton.CodePipeline.Tests.Client;

public class CodePipelineClientRetryTests
{
    private const string NoJobs = """{"jobs":[]}""";

    [Fact]
    public async Task PollForJobsAsync_ThrottledTwiceThenSuccess_SucceedsAfterThreeAttempts()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server
            .ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            .ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            .ThenJson(HttpStatusCode.OK, NoJobs);

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest);
        var firstWait = await harness.Clock.CompleteNextWaitAsync();
        var secondWait = await harness.Clock.CompleteNextWaitAsync();
        var response = await call;

        Assert.NotNull(response.Jobs);
        Assert.Equal(3, harness.Server.Attempts);
        // Full jitter with jitter 0.5: half of 1 s, then half of 2 s.
        Assert.Equal(TimeSpan.FromMilliseconds(500), firstWait);
        Assert.Equal(TimeSpan.FromSeconds(1), secondWait);
    }

    [Fact]
    public async Task PollForJobsAsync_Throttled_LogsEachRetryWithoutSecrets()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server
            .ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded")
            .ThenJson(HttpStatusCode.OK, NoJobs);

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest);
        await harness.Clock.CompleteNextWaitAsync();
        await call;

        var retry = Assert.Single(harness.Logger.Entries, e => e.EventName == "RetryingServiceError");
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal(
            "CodePipeline PollForJobs attempt 1 of 3 failed with ThrottlingException (HTTP BadRequest, request req-ThrottlingException); retrying in 500 ms",
            retry.Message);
        Assert.DoesNotContain(harness.Logger.Entries, e => e.Message.Contains(ClientHarness.Credentials.SecretAccessKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task PollForJobsAsync_JobNotFound_ThrowsTypedExceptionAfterOneAttempt()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenError(HttpStatusCode.BadRequest, "JobNotFoundException", "No job with id 42");

        var error = await Assert.ThrowsAsync<JobNotFoundException>(
            () => harness.Client.GetJobDetailsAsync(new GetJobDetailsRequest { JobId = "11111111-2222-3333-4444-555555555555" }));

        Assert.Equal(1, harness.Server.Attempts);
        Assert.Equal("JobNotFoundException", error.ErrorCode);
        Assert.Equal("No job with id 42", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("req-JobNotFoundException", error.RequestId);
        Assert.Equal(1, error.Data[CodePipelineClient.AttemptsDataKey]);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException")]
    [InlineData(HttpStatusCode.BadRequest, "InvalidNonceException")]
    [InlineData(HttpStatusCode.Forbidden, "UnrecognizedClientException")]
    [InlineData(HttpStatusCode.Forbidden, "InvalidSignatureException")]
    [InlineData(HttpStatusCode.NotFound, "UnknownOperationException")]
    public async Task PollForJobsAsync_NonRetryableError_SurfacesAtOnce(HttpStatusCode status, string type)
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenError(status, type, "no");

        var error = await Assert.ThrowsAnyAsync<CodePipelineServiceException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.Equal(type, error.ErrorCode);
        Assert.Equal(1, harness.Server.Attempts);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Throttling")]
    [InlineData(HttpStatusCode.BadRequest, "ThrottledException")]
    [InlineData(HttpStatusCode.BadRequest, "RequestLimitExceeded")]
    [InlineData(HttpStatusCode.BadRequest, "TooManyRequestsException")]
    [InlineData(HttpStatusCode.BadRequest, "LimitExceededException")]
    [InlineData(HttpStatusCode.BadRequest, "SlowDown")]
    [InlineData(HttpStatusCode.BadRequest, "RequestThrottledException")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeout")]
    [InlineData(HttpStatusCode.BadRequest, "RequestTimeoutException")]
    [InlineData(HttpStatusCode.TooManyRequests, "SomethingElse")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalFailure")]
    [InlineData(HttpStatusCode.BadGateway, "BadGateway")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "ServiceUnavailable")]
    [InlineData(HttpStatusCode.GatewayTimeout, "GatewayTimeout")]
    public async Task PollForJobsAsync_RetryableError_IsRetried(HttpStatusCode status, string type)
    {
        await using var harness = await ClientHarness.StartAsync(jitter: 0);
        harness.Server.ThenError(status, type, "try again").ThenJson(HttpStatusCode.OK, NoJobs);

        await harness.Client.PollForJobsAsync(ClientHarness.PollRequest);

        Assert.Equal(2, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_ServiceUnavailable_IsRetriedThenSucceeds()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenText(HttpStatusCode.ServiceUnavailable, "text/plain", "").ThenJson(HttpStatusCode.OK, NoJobs);

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest);
        await harness.Clock.CompleteNextWaitAsync();
        await call;

        Assert.Equal(2, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_InternalErrorWithHtmlBodyEveryTime_ThrowsAUsefulExceptionAfterAllAttempts()
    {
        await using var harness = await ClientHarness.StartAsync(jitter: 0);
        for (var i = 0; i < 3; i++)
        {
            harness.Server.ThenText(HttpStatusCode.InternalServerError, "text/html", "<html><body>upstream exploded</body></html>");
        }

        var error = await Assert.ThrowsAsync<CodePipelineServiceException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.Equal(3, harness.Server.Attempts);
        Assert.Equal(3, error.Data[CodePipelineClient.AttemptsDataKey]);
        Assert.Equal("InternalServerError", error.ErrorCode);
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal(
            "HTTP 500 (InternalServerError) with a body that is not an AWS JSON error (text/html): <html><body>upstream exploded</body></html>",
            error.Message);
        Assert.Contains(harness.Logger.Entries, e => e.EventName == "AttemptsExhausted");
    }

    [Fact]
    public async Task PollForJobsAsync_ThrottledEveryTime_ThrowsTheLastErrorWithTheAttemptCount()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxAttempts = 4, jitter: 0);
        for (var i = 1; i <= 4; i++)
        {
            harness.Server.ThenError(HttpStatusCode.BadRequest, "ThrottlingException", $"Rate exceeded {i}");
        }

        var error = await Assert.ThrowsAsync<CodePipelineServiceException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.Equal("Rate exceeded 4", error.Message);
        Assert.Equal(4, error.Data[CodePipelineClient.AttemptsDataKey]);
        Assert.Equal(4, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_MaxAttemptsOne_DoesNotRetry()
    {
        await using var harness = await ClientHarness.StartAsync(o => o.MaxAttempts = 1);
        harness.Server.ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded");

        await Assert.ThrowsAsync<CodePipelineServiceException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.Equal(1, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_ConnectionReset_IsRetriedThenSucceeds()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenAbort().ThenJson(HttpStatusCode.OK, NoJobs);

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest);
        await harness.Clock.CompleteNextWaitAsync();
        await call;

        Assert.Equal(2, harness.Server.Attempts);
        Assert.Contains(harness.Logger.Entries, e => e.EventName == "RetryingTransportError");
    }

    [Fact]
    public async Task PollForJobsAsync_ConnectionResetEveryTime_ThrowsTheTransportErrorWithTheAttemptCount()
    {
        await using var harness = await ClientHarness.StartAsync(jitter: 0);
        harness.Server.ThenAbort().ThenAbort().ThenAbort();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.PollForJobsAsync(ClientHarness.PollRequest));

        Assert.Equal(3, harness.Server.Attempts);
        Assert.Equal(3, error.Data[CodePipelineClient.AttemptsDataKey]);
    }

    [Fact]
    public async Task PollForJobsAsync_HttpClientTimeout_IsRetriedAsATransportError()
    {
        // The first answer never comes; HttpClient's own timeout (not the caller's token) ends it.
        await using var harness = await ClientHarness.StartAsync(jitter: 0, httpTimeout: TimeSpan.FromSeconds(2));
        harness.Server
            .Then(context => Task.Delay(Timeout.Infinite, context.RequestAborted))
            .ThenJson(HttpStatusCode.OK, NoJobs);

        await harness.Client.PollForJobsAsync(ClientHarness.PollRequest);

        Assert.Equal(2, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_CancelledDuringBackoff_StopsAtOnce()
    {
        await using var harness = await ClientHarness.StartAsync();
        harness.Server.ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded").ThenJson(HttpStatusCode.OK, NoJobs);
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest, cancellation.Token);
        await harness.Clock.NextWaitAsync();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_CancelledWhileWaitingForTheAnswer_ThrowsOperationCanceledWithoutRetrying()
    {
        await using var harness = await ClientHarness.StartAsync();
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        harness.Server.Then(async context =>
        {
            arrived.TrySetResult();
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        });
        using var cancellation = new CancellationTokenSource();

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest, cancellation.Token);
        await arrived.Task;
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Equal(1, harness.Server.Attempts);
    }

    [Fact]
    public async Task PollForJobsAsync_RefreshedCredentials_EachAttemptIsSignedWithTheCurrentOnes()
    {
        var first = new AwsCredentials("AKIDFIRST", "first-secret");
        var second = new AwsCredentials("AKIDSECOND", "second-secret");
        var calls = 0;
        await using var harness = await ClientHarness.StartAsync(o =>
        {
            o.Credentials = null;
            o.CredentialsProvider = _ => ValueTask.FromResult(Interlocked.Increment(ref calls) == 1 ? first : second);
        });
        harness.Server.ThenError(HttpStatusCode.BadRequest, "ThrottlingException", "Rate exceeded").ThenJson(HttpStatusCode.OK, NoJobs);

        var call = harness.Client.PollForJobsAsync(ClientHarness.PollRequest);
        var wait = await harness.Clock.CompleteNextWaitAsync();
        await call;

        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(SignatureCheck.Verify(requests[0], BackoffClock.Epoch, "us-east-1", first).IsValid);
        Assert.True(SignatureCheck.Verify(requests[1], BackoffClock.Epoch + wait, "us-east-1", second).IsValid);
        Assert.Equal("20251129T120000Z", requests[0].Header("X-Amz-Date"));
        Assert.NotEqual(requests[0].Header("Authorization"), requests[1].Header("Authorization"));
    }
}
