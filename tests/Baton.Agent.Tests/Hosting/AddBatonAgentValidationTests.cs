using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Tests.Hosting;

public sealed class AddBatonAgentValidationTests : IDisposable
{
    private readonly TempDirectory _state = new();

    [Fact]
    public async Task Start_ActionTypeIdWithThreeParts_FailsWithTheFormatToUse()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint().AddHandler<NoopHandler>("Test/Custom/X");

        var error = await StartFailsAsync(builder);

        Assert.Contains(
            "AddHandler<NoopHandler>: 'Test/Custom/X' is not an action type id; use Category/Owner/Provider/Version, e.g. Test/ThirdParty/BatonLoadTest/1.",
            error.Failures);
    }

    [Theory]
    [InlineData("Tests/Custom/X/1", "'Tests/Custom/X/1': category 'Tests' is not one of Source, Build, Deploy, Test, Invoke, Approval, Compute.")]
    [InlineData("Build/AWS/CodeBuild/1", "'Build/AWS/CodeBuild/1': owner 'AWS' cannot be polled by a job agent; use Custom or ThirdParty (AWS-owned actions are run by AWS).")]
    [InlineData("Test/Custom/Load Test/1", "'Test/Custom/Load Test/1': provider 'Load Test' must be 1–35 characters of A–Z, a–z, 0–9, _ and -.")]
    [InlineData("Test/Custom/X/1.0", "'Test/Custom/X/1.0': version '1.0' must be 1–9 characters of A–Z, a–z, 0–9, _ and -.")]
    public async Task Start_InvalidActionTypeIdPart_FailsNamingThePart(string actionType, string expected)
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint().AddHandler<NoopHandler>(actionType);

        var error = await StartFailsAsync(builder);

        Assert.Contains("AddHandler<NoopHandler>: " + expected, error.Failures);
    }

    [Fact]
    public async Task Start_MaxConcurrencyZero_FailsNamingTheValue()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint().AddHandler<NoopHandler>("Test/Custom/BatonTest/1", o => o.MaxConcurrency = 0);

        var error = await StartFailsAsync(builder);

        Assert.Equal(["Test/Custom/BatonTest/1: MaxConcurrency is 0; use 1–1000 (jobs of this action type running at once)."], error.Failures);
    }

    [Fact]
    public async Task Start_NoHandler_FailsSayingHowToRegisterOne()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint();

        var error = await StartFailsAsync(builder);

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("No job handler is registered, so the agent has nothing to poll.", failure, StringComparison.Ordinal);
        Assert.Contains(".AddHandler<MyHandler>(\"Test/ThirdParty/BatonLoadTest/1\")", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SameActionTypeTwice_Fails()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint()
            .AddHandler<NoopHandler>("Test/Custom/BatonTest/1")
            .AddHandler<OtherHandler>("Test/Custom/BatonTest/1");

        var error = await StartFailsAsync(builder);

        Assert.Equal(["Test/Custom/BatonTest/1 has two handlers (NoopHandler and OtherHandler); register one handler per action type."], error.Failures);
    }

    [Fact]
    public async Task Start_QueryParamProblems_FailNamingEach()
    {
        var builder = AgentHostBuilder.Create(_state.Path);
        builder.AddAgentWithoutEndpoint()
            .AddHandler<NoopHandler>("Test/ThirdParty/BatonLoadTest/1", o => o.QueryParam["ProjectName"] = "web")
            .AddHandler<OtherHandler>("Build/Custom/Jenkins/1", o =>
            {
                o.QueryParam["ProjectName"] = "web app";
                o.QueryParam["Other"] = "x";
            });

        var error = await StartFailsAsync(builder);

        Assert.Equal(
            [
                "Test/ThirdParty/BatonLoadTest/1: QueryParam is set, but only custom action types can be polled with a queryParam (PollForThirdPartyJobs has none). Remove it.",
                "Build/Custom/Jenkins/1: QueryParam has 2 entries (ProjectName, Other); CodePipeline accepts one, the action type's queryable property.",
                "Build/Custom/Jenkins/1: QueryParam ProjectName = 'web app' must be 1–50 characters of A–Z, a–z, 0–9, _ and -.",
            ],
            error.Failures);
    }

    [Fact]
    public async Task Start_BadAgentOptionsFromConfiguration_FailWithTheValues()
    {
        var builder = AgentHostBuilder.Create(
            _state.Path,
            [
                new("Baton:Agent:DrainTimeout", "-00:00:05"),
                new("Baton:Agent:Polling:IdlePollInterval", "00:10:00"),
            ]);
        builder.AddAgentWithoutEndpoint().AddHandler<NoopHandler>("Test/Custom/BatonTest/1");

        var error = await StartFailsAsync(builder);

        Assert.Equal(
            [
                "Baton:Agent:DrainTimeout is -00:00:05; use 00:00:00 – 01:00:00.",
                "Baton:Agent:Polling:UnhealthyWithoutPollFor is 00:05:00, not more than IdlePollInterval (00:10:00); an idle agent would look unhealthy. Make it longer.",
            ],
            error.Failures);
    }

    public void Dispose() => _state.Dispose();

    private static async Task<OptionsValidationException> StartFailsAsync(HostApplicationBuilder builder)
    {
        using var host = builder.Build();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        return error;
    }

    private sealed class NoopHandler : IJobHandler
    {
        public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken) => ValueTask.FromResult(StepResult.Succeed());

        public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) => ValueTask.FromResult(StepResult.Succeed());
    }

    private sealed class OtherHandler : IJobHandler
    {
        public ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken) => ValueTask.FromResult(StepResult.Succeed());

        public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) => ValueTask.FromResult(StepResult.Succeed());
    }
}
