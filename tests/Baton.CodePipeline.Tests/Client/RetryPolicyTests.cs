using System.Net;
using System.Net.Sockets;
using Baton.CodePipeline.Client;

namespace Baton.CodePipeline.Tests.Client;

public class RetryPolicyTests
{
    [Theory]
    [InlineData(1, 1.0, 1000)]
    [InlineData(2, 1.0, 2000)]
    [InlineData(3, 1.0, 4000)]
    [InlineData(5, 1.0, 16000)]
    [InlineData(6, 1.0, 20000)]
    [InlineData(40, 1.0, 20000)]
    [InlineData(3, 0.25, 1000)]
    [InlineData(3, 0.0, 0)]
    public void Delay_FullJitter_IsAFractionOfTheCappedExponentialCeiling(int failedAttempt, double jitter, int expectedMs)
    {
        var policy = new RetryPolicy(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20), () => jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), policy.Delay(failedAttempt));
    }

    [Theory]
    [InlineData(-3.0, 0)]
    [InlineData(7.0, 100)]
    public void Delay_JitterOutsideTheUnitRange_IsClamped(double jitter, int expectedMs)
    {
        var policy = new RetryPolicy(3, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), () => jitter);

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), policy.Delay(1));
    }

    [Theory]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest, true)]
    [InlineData("PriorRequestNotComplete", HttpStatusCode.BadRequest, true)]
    [InlineData("AnyCode", HttpStatusCode.TooManyRequests, true)]
    [InlineData("AnyCode", HttpStatusCode.GatewayTimeout, true)]
    [InlineData("JobNotFoundException", HttpStatusCode.BadRequest, false)]
    [InlineData("AnyCode", HttpStatusCode.NotImplemented, false)]
    [InlineData("throttlingexception", HttpStatusCode.BadRequest, false)]
    public void IsRetryable_ServiceError_FollowsTheStandardRetryMode(string code, HttpStatusCode status, bool expected)
    {
        Assert.Equal(expected, RetryPolicy.IsRetryable(new CodePipelineServiceException(code, "m", status, null)));
    }

    [Fact]
    public void IsTransportFailure_TransportExceptions_AreRetryable()
    {
        Assert.True(RetryPolicy.IsTransportFailure(new HttpRequestException("reset"), CancellationToken.None));
        Assert.True(RetryPolicy.IsTransportFailure(new IOException("broken pipe"), CancellationToken.None));
        Assert.True(RetryPolicy.IsTransportFailure(new SocketException((int)SocketError.ConnectionReset), CancellationToken.None));
        Assert.False(RetryPolicy.IsTransportFailure(new InvalidDataException("bad json"), CancellationToken.None));
    }

    [Fact]
    public void IsTransportFailure_Cancellation_IsRetryableOnlyWhenTheCallerDidNotCancel()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(RetryPolicy.IsTransportFailure(new TaskCanceledException("HttpClient.Timeout"), CancellationToken.None));
        Assert.False(RetryPolicy.IsTransportFailure(new TaskCanceledException("caller"), cancelled.Token));
    }
}
