using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>A ThirdParty action type registered through the admin API, its jobs worked with the real AWS CLI.</summary>
public sealed class AwsCliThirdPartyJobTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;
    private AwsCli _cli = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        _cli = new AwsCli(_emulator.Endpoint);
        using var registered = await _emulator.Http.PostAsync(
            "/_baton/third-party-action-types",
            new StringContent(CodePipelineJson.Serialize(CliPipelineSteps.Definition()), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        await CliPipelineSteps.UploadSourceAsync(_cli);
        await CliPipelineSteps.CreatePipelineAsync(_cli, "partner", ActionOwner.ThirdParty);
    }

    public async Task DisposeAsync()
    {
        _cli.Dispose();
        await _emulator.DisposeAsync();
    }

    [Fact]
    public async Task AwsCli_ThirdPartyJobWithClientToken_Succeeds()
    {
        var client = await ClientAsync();
        var executionId = await CliPipelineSteps.StartAsync(_cli, "partner");

        var job = await PollAsync();
        Assert.Equal(client.GetProperty("clientId").GetString(), job.GetProperty("clientId").GetString());
        var jobId = job.GetProperty("jobId").GetString()!;
        var token = client.GetProperty("clientToken").GetString()!;
        var details = (await _cli.JsonAsync("codepipeline", "get-third-party-job-details", "--job-id", jobId, "--client-token", token)).GetProperty("jobDetails");
        Assert.Equal("partner", details.GetProperty("data").GetProperty("pipelineContext").GetProperty("pipelineName").GetString());
        var ack = await _cli.JsonAsync("codepipeline", "acknowledge-third-party-job", "--job-id", jobId, "--nonce", details.GetProperty("nonce").GetString()!, "--client-token", token);
        Assert.Equal("InProgress", ack.GetProperty("status").GetString());
        await _cli.RunCheckedAsync("codepipeline", "put-third-party-job-success-result", "--job-id", jobId, "--client-token", token, "--execution-details", "summary=partner done,percentComplete=100");

        Assert.Equal("Succeeded", await CliPipelineSteps.ExecutionStatusAsync(_cli, "partner", executionId));
    }

    [Fact]
    public async Task AwsCli_ThirdPartyJobDetailsWithWrongClientToken_FailsWithInvalidClientToken()
    {
        await CliPipelineSteps.StartAsync(_cli, "partner");
        var job = await PollAsync();

        var result = await _cli.RunAsync("codepipeline", "get-third-party-job-details", "--job-id", job.GetProperty("jobId").GetString()!, "--client-token", "not-the-token");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("InvalidClientTokenException", result.Stderr, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ClientAsync()
    {
        var clients = await _emulator.Http.GetFromJsonAsync<JsonElement>("/_baton/third-party-clients?pipeline=partner");
        Assert.Equal(1, clients.GetArrayLength());
        return clients[0];
    }

    private async Task<JsonElement> PollAsync()
    {
        for (var attempt = 0; attempt < CliPipelineSteps.MaxPolls; attempt++)
        {
            var jobs = (await _cli.JsonAsync("codepipeline", "poll-for-third-party-jobs", "--action-type-id", CliPipelineSteps.TypeIdShorthand(ActionOwner.ThirdParty))).GetProperty("jobs");
            if (jobs.GetArrayLength() > 0)
            {
                return jobs[0];
            }
        }

        throw new InvalidOperationException($"No third-party job after {CliPipelineSteps.MaxPolls} polls.");
    }
}
