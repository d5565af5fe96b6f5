using Baton.Emulator.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>
/// Redelivery and job timeouts seen through the real AWS CLI. The emulator's clock is a
/// <see cref="FakeTimeProvider"/> starting at the real time (so the CLI's signatures stay within the
/// allowed skew) and is moved forward by less than the skew limit.
/// </summary>
public sealed class AwsCliJobTimerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestEmulator _emulator = null!;
    private AwsCli _cli = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync(o => o.JobTimeout = TimeSpan.FromMinutes(2), _time);
        _cli = new AwsCli(_emulator.Endpoint);
        await CliPipelineSteps.CreateActionTypeAsync(_cli);
        await CliPipelineSteps.UploadSourceAsync(_cli);
        await CliPipelineSteps.CreatePipelineAsync(_cli, "shop");
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AwsCli_UnacknowledgedJobAfterAckTimeout_IsRedeliveredWithNewNonceAndOldNonceIsRejected()
    {
        await CliPipelineSteps.StartAsync(_cli, "shop");
        var first = await CliPipelineSteps.PollJobAsync(_cli);

        _time.Advance(_emulator.Options.AckTimeout + TimeSpan.FromSeconds(1));
        await _emulator.Engine.TickAsync();
        var again = await CliPipelineSteps.PollJobAsync(_cli);

        Assert.Equal(first.GetProperty("id").GetString(), again.GetProperty("id").GetString());
        Assert.NotEqual(first.GetProperty("nonce").GetString(), again.GetProperty("nonce").GetString());
        var stale = await _cli.RunAsync("codepipeline", "acknowledge-job", "--job-id", first.GetProperty("id").GetString()!, "--nonce", first.GetProperty("nonce").GetString()!);
        Assert.NotEqual(0, stale.ExitCode);
        Assert.Contains("InvalidNonceException", stale.Stderr, StringComparison.Ordinal);
        var ack = await _cli.JsonAsync("codepipeline", "acknowledge-job", "--job-id", again.GetProperty("id").GetString()!, "--nonce", again.GetProperty("nonce").GetString()!);
        Assert.Equal("InProgress", ack.GetProperty("status").GetString());
    }

    [Fact]
    public async Task AwsCli_AcknowledgedJobPastJobTimeout_FailsActionAndExecutionWithTimeoutMessage()
    {
        var executionId = await CliPipelineSteps.StartAsync(_cli, "shop");
        var job = await CliPipelineSteps.PollJobAsync(_cli);
        await _cli.JsonAsync("codepipeline", "acknowledge-job", "--job-id", job.GetProperty("id").GetString()!, "--nonce", job.GetProperty("nonce").GetString()!);

        _time.Advance(TimeSpan.FromMinutes(3));
        await _emulator.Engine.TickAsync();

        var latest = (await CliPipelineSteps.ActionStateAsync(_cli, "shop")).GetProperty("latestExecution");
        Assert.Equal("Failed", latest.GetProperty("status").GetString());
        Assert.Contains("timed out", latest.GetProperty("errorDetails").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("Failed", await CliPipelineSteps.ExecutionStatusAsync(_cli, "shop", executionId));
        var late = await _cli.RunAsync("codepipeline", "put-job-success-result", "--job-id", job.GetProperty("id").GetString()!);
        Assert.NotEqual(0, late.ExitCode);
    }
}
