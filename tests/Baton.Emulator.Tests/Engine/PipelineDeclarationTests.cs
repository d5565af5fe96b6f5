using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Engine;

public sealed class PipelineDeclarationTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CreatePipeline_UnsupportedAwsProvider_ThrowsInvalidActionDeclaration()
    {
        var codeBuild = new ActionTypeId { Category = ActionCategory.Build, Owner = ActionOwner.Aws, Provider = "CodeBuild", Version = "1" };

        var error = await Assert.ThrowsAsync<InvalidActionDeclarationException>(() => CreateAsync(Pipelines.SourceThenAction("p", codeBuild)));

        Assert.Contains("ActionType (Category: 'Build', Provider: 'CodeBuild', Owner: 'AWS', Version: '1') in action 'LoadTest' is not available", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePipeline_UnknownCustomVersion_ThrowsInvalidActionDeclaration()
    {
        await Assert.ThrowsAsync<InvalidActionDeclarationException>(() => CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType(version: "9"))));
    }

    [Fact]
    public async Task CreatePipeline_MissingRequiredConfiguration_ThrowsInvalidActionDeclaration()
    {
        var pipeline = Pipelines.SourceThenAction("p", Pipelines.LoadTestType(), configuration: new Dictionary<string, string> { ["Target"] = "x" });

        var error = await Assert.ThrowsAsync<InvalidActionDeclarationException>(() => CreateAsync(pipeline));

        Assert.Contains("missing required configuration 'Project'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePipeline_OneStage_ThrowsInvalidStructure()
    {
        var pipeline = Pipelines.SourceThenAction("p", Pipelines.LoadTestType());

        var error = await Assert.ThrowsAsync<InvalidStructureException>(() => CreateAsync(pipeline with { Stages = [pipeline.Stages[0]] }));

        Assert.Contains("minimum of 2 stages", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePipeline_NameTaken_ThrowsPipelineNameInUse()
    {
        await CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType()));

        await Assert.ThrowsAsync<PipelineNameInUseException>(() => CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType())));
    }

    [Fact]
    public async Task GetPipeline_SecretConfiguration_IsMaskedAndUpdateWithMaskKeepsTheSecret()
    {
        var created = await CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType()));
        Assert.Equal("****", created.Pipeline!.Stages[1].Actions[0].Configuration!["ApiKey"]);
        Assert.Equal(1, created.Pipeline.Version);
        Assert.Equal("SUPERSEDED", created.Pipeline.ExecutionMode);
        var current = (await _emulator.Client.GetPipelineAsync(new GetPipelineRequest { Name = "p" })).Pipeline!;
        Assert.Equal("****", current.Stages[1].Actions[0].Configuration!["ApiKey"]);

        var updated = await _emulator.Client.UpdatePipelineAsync(new UpdatePipelineRequest { Pipeline = current });
        Assert.Equal(2, updated.Pipeline!.Version);
        await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "p" });
        var job = Assert.Single((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);

        Assert.Equal("s3cret", job.Data!.ActionConfiguration!.Configuration!["ApiKey"]);
        Assert.Equal(1, (await _emulator.Client.GetPipelineAsync(new GetPipelineRequest { Name = "p", Version = 1 })).Pipeline!.Version);
        await Assert.ThrowsAsync<PipelineVersionNotFoundException>(() => _emulator.Client.GetPipelineAsync(new GetPipelineRequest { Name = "p", Version = 9 }));
    }

    [Fact]
    public async Task StartPipelineExecution_SameClientRequestToken_ReturnsTheSameExecution()
    {
        await CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType()));

        var first = await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "p", ClientRequestToken = "deploy-1" });
        var second = await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "p", ClientRequestToken = "deploy-1" });

        Assert.Equal(first.PipelineExecutionId, second.PipelineExecutionId);
        Assert.Single((await _emulator.Client.ListPipelineExecutionsAsync(new ListPipelineExecutionsRequest { PipelineName = "p" })).PipelineExecutionSummaries!);
    }

    [Fact]
    public async Task StartPipelineExecution_UndeclaredVariable_ThrowsValidation()
    {
        await CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType()));

        var error = await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest
        {
            Name = "p",
            Variables = [new PipelineVariable { Name = "env", Value = "prod" }],
        }));

        Assert.Contains("Pipeline variable 'env' is not declared", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipelineVariables_ReferencedInConfiguration_AreResolvedInJobData()
    {
        var pipeline = Pipelines.SourceThenAction("p", Pipelines.LoadTestType(), configuration: new Dictionary<string, string>
        {
            ["Project"] = "shop",
            ["Target"] = "#{variables.env}/#{codepipeline.PipelineExecutionId}",
        }) with
        { Variables = [new PipelineVariableDeclaration { Name = "env", DefaultValue = "staging" }] };
        await CreateAsync(pipeline);

        var id = (await _emulator.Client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest
        {
            Name = "p",
            Variables = [new PipelineVariable { Name = "env", Value = "prod" }],
        })).PipelineExecutionId;

        var job = Assert.Single((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
        Assert.Equal($"prod/{id}", job.Data!.ActionConfiguration!.Configuration!["Target"]);
    }

    [Fact]
    public async Task ListPipelines_MoreThanOnePage_PagesWithNextTokenAndRejectsABadToken()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await CreateAsync(Pipelines.SourceThenAction(name, Pipelines.LoadTestType()));
        }

        var first = await _emulator.Client.ListPipelinesAsync(new ListPipelinesRequest { MaxResults = 2 });
        var second = await _emulator.Client.ListPipelinesAsync(new ListPipelinesRequest { MaxResults = 2, NextToken = first.NextToken });

        Assert.Equal(["a", "b"], first.Pipelines!.Select(p => p.Name));
        Assert.Equal(["c"], second.Pipelines!.Select(p => p.Name));
        Assert.Null(second.NextToken);
        await Assert.ThrowsAsync<InvalidNextTokenException>(() => _emulator.Client.ListPipelinesAsync(new ListPipelinesRequest { NextToken = "bogus" }));
    }

    [Fact]
    public async Task DeletePipeline_Existing_GetPipelineThenThrowsNotFound()
    {
        await CreateAsync(Pipelines.SourceThenAction("p", Pipelines.LoadTestType()));

        await _emulator.Client.DeletePipelineAsync(new DeletePipelineRequest { Name = "p" });

        await Assert.ThrowsAsync<PipelineNotFoundException>(() => _emulator.Client.GetPipelineAsync(new GetPipelineRequest { Name = "p" }));
        await _emulator.Client.DeletePipelineAsync(new DeletePipelineRequest { Name = "p" });
    }

    private Task<CreatePipelineResponse> CreateAsync(PipelineDeclaration pipeline) =>
        _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = pipeline });
}
