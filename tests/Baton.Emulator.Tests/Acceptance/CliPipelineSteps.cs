using System.IO.Compression;
using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>
/// The steps every CLI acceptance test shares: the BatonAcceptance action type, a zipped source
/// object uploaded with <c>aws s3</c>, a two-stage pipeline and a bounded poll for its job.
/// </summary>
internal static class CliPipelineSteps
{
    public const string Provider = "BatonAcceptance";
    public const string SourceBucket = Infrastructure.Pipelines.SourceBucket;
    public const string SourceKey = Infrastructure.Pipelines.SourceKey;
    public const int MaxPolls = 10;

    public static ActionTypeId TypeId(string owner = ActionOwner.Custom) =>
        new() { Category = ActionCategory.Test, Owner = owner, Provider = Provider, Version = "1" };

    public static string TypeIdShorthand(string owner = ActionOwner.Custom) => $"category=Test,owner={owner},provider={Provider},version=1";

    public static CreateCustomActionTypeRequest Definition() => new()
    {
        Category = ActionCategory.Test,
        Provider = Provider,
        Version = "1",
        Settings = new ActionTypeSettings
        {
            EntityUrlTemplate = "http://127.0.0.1:1/projects/{Config:ProjectName}",
            ExecutionUrlTemplate = "http://127.0.0.1:1/runs/{ExternalExecutionId}",
        },
        ConfigurationProperties = [new ActionConfigurationProperty { Name = "ProjectName", Required = true, Key = true, Secret = false, Queryable = true }],
        InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
        OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
    };

    public static async Task CreateActionTypeAsync(AwsCli cli)
    {
        var file = await WriteJsonAsync(cli, "action-type.json", CodePipelineJson.Serialize(Definition()));
        var created = await cli.JsonAsync("codepipeline", "create-custom-action-type", "--cli-input-json", "file://" + file);
        Assert.Equal(Provider, created.GetProperty("actionType").GetProperty("id").GetProperty("provider").GetString());
    }

    public static async Task UploadSourceAsync(AwsCli cli)
    {
        var zip = Path.Combine(cli.Directory, SourceKey);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            await using var entry = archive.CreateEntry("app.txt").Open();
            await entry.WriteAsync("Baton acceptance source"u8.ToArray());
        }

        await cli.RunCheckedAsync("s3", "mb", $"s3://{SourceBucket}");
        await cli.RunCheckedAsync("s3", "cp", zip, $"s3://{SourceBucket}/{SourceKey}");
    }

    public static async Task CreatePipelineAsync(AwsCli cli, string name, string owner = ActionOwner.Custom)
    {
        var pipeline = Infrastructure.Pipelines.SourceThenAction(name, TypeId(owner), configuration: new Dictionary<string, string> { ["ProjectName"] = "shop" });
        var file = await WriteJsonAsync(cli, name + ".json", CodePipelineJson.Serialize(new CreatePipelineRequest { Pipeline = pipeline }));
        var created = await cli.JsonAsync("codepipeline", "create-pipeline", "--cli-input-json", "file://" + file);
        Assert.Equal(name, created.GetProperty("pipeline").GetProperty("name").GetString());
    }

    public static async Task<string> StartAsync(AwsCli cli, string name) =>
        (await cli.JsonAsync("codepipeline", "start-pipeline-execution", "--name", name)).GetProperty("pipelineExecutionId").GetString()!;

    /// <summary>Polls with the CLI until a job is handed out, at most <see cref="MaxPolls"/> times.</summary>
    public static async Task<JsonElement> PollJobAsync(AwsCli cli)
    {
        for (var attempt = 0; attempt < MaxPolls; attempt++)
        {
            var jobs = (await cli.JsonAsync("codepipeline", "poll-for-jobs", "--action-type-id", TypeIdShorthand(), "--max-batch-size", "1")).GetProperty("jobs");
            if (jobs.GetArrayLength() > 0)
            {
                return jobs[0];
            }
        }

        throw new InvalidOperationException($"No job for {Provider} after {MaxPolls} polls.");
    }

    public static async Task<JsonElement> ActionStateAsync(AwsCli cli, string name) =>
        (await cli.JsonAsync("codepipeline", "get-pipeline-state", "--name", name)).GetProperty("stageStates")[1].GetProperty("actionStates")[0];

    public static async Task<string> ExecutionStatusAsync(AwsCli cli, string name, string executionId) =>
        (await cli.JsonAsync("codepipeline", "get-pipeline-execution", "--pipeline-name", name, "--pipeline-execution-id", executionId))
            .GetProperty("pipelineExecution").GetProperty("status").GetString()!;

    public static async Task RunCheckedAsync(this AwsCli cli, params string[] arguments)
    {
        var result = await cli.RunAsync(arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)} exited with {result.ExitCode}: {result.Stderr}");
    }

    private static async Task<string> WriteJsonAsync(AwsCli cli, string name, string json)
    {
        var path = Path.Combine(cli.Directory, name);
        await File.WriteAllTextAsync(path, json);
        return path;
    }
}
