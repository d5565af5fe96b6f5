using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Engine;

public sealed class ActionTypeTests : IAsyncLifetime
{
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task CreateCustomActionType_Twice_SecondIdenticalSucceedsAndDifferentFails()
    {
        var created = await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        Assert.Equal("Custom", created.ActionType.Id.Owner);
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());

        var error = await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.CreateCustomActionTypeAsync(
            Pipelines.LoadTestDefinition() with { Settings = null }));

        Assert.Contains("already exists with a different definition; use a new version", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteCustomActionType_ThenPoll_ThrowsActionTypeNotFoundUntilRestoredIdentically()
    {
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        await _emulator.Client.DeleteCustomActionTypeAsync(new DeleteCustomActionTypeRequest { Category = "Test", Provider = "BatonLoadTest", Version = "1" });

        var error = await Assert.ThrowsAsync<ActionTypeNotFoundException>(() =>
            _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() }));
        Assert.Contains("has been deleted", error.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition() with { Settings = null }));

        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        Assert.Empty((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() })).Jobs!);
    }

    [Fact]
    public async Task DeleteCustomActionType_Unknown_IsANoOp()
    {
        await _emulator.Client.DeleteCustomActionTypeAsync(new DeleteCustomActionTypeRequest { Category = "Test", Provider = "Nothing", Version = "1" });
    }

    [Fact]
    public async Task ListActionTypes_OwnerFilter_ListsBuiltInsAndCustomTypes()
    {
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());

        var all = await _emulator.Client.ListActionTypesAsync(new ListActionTypesRequest());
        var custom = await _emulator.Client.ListActionTypesAsync(new ListActionTypesRequest { ActionOwnerFilter = "Custom" });

        Assert.Contains(all.ActionTypes, t => t.Id.Provider == "S3" && t.Id.Owner == "AWS");
        Assert.Contains(all.ActionTypes, t => t.Id.Provider == "Manual");
        Assert.Equal("BatonLoadTest", Assert.Single(custom.ActionTypes).Id.Provider);
    }

    [Fact]
    public async Task PollForJobs_UnknownTypeOrBadQuery_ThrowsClearErrors()
    {
        await Assert.ThrowsAsync<ActionTypeNotFoundException>(() =>
            _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType() }));
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());

        var error = await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.PollForJobsAsync(new PollForJobsRequest
        {
            ActionTypeId = Pipelines.LoadTestType(),
            QueryParam = new Dictionary<string, string> { ["Target"] = "x" },
        }));
        Assert.Contains("use 'Project'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCustomActionType_QueryableSecret_ThrowsValidation()
    {
        var definition = Pipelines.LoadTestDefinition() with
        {
            ConfigurationProperties = [new ActionConfigurationProperty { Name = "Key", Required = true, Key = true, Secret = true, Queryable = true }],
        };

        var error = await Assert.ThrowsAsync<ValidationException>(() => _emulator.Client.CreateCustomActionTypeAsync(definition));

        Assert.Contains("must be required and not secret", error.Message, StringComparison.Ordinal);
    }
}
