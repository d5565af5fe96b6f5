using System.Globalization;
using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;

namespace Baton.Bench.Agent;

/// <summary>
/// Prepares the emulator over its public APIs: the S3 source object, the benchmark's custom action
/// types and one PARALLEL pipeline per scenario (S3 source → the no-op custom action), and starts
/// executions with StartPipelineExecution.
/// </summary>
internal sealed class BenchSetup(Uri endpoint, HttpClient http)
{
    private const string SourceBucket = "bench-source";
    private const string SourceKey = "app.zip";
    private readonly CodePipelineClient _client = new(
        http,
        new CodePipelineClientOptions { EndpointUrl = endpoint, Region = "us-east-1", Credentials = new AwsCredentials("test", "test") },
        TimeProvider.System,
        Random.Shared.NextDouble);

    public async Task PutSourceObjectAsync()
    {
        using var bucket = await http.PutAsync(new Uri(endpoint, SourceBucket), null);
        using var content = new ByteArrayContent("bench source"u8.ToArray());
        using var put = await http.PutAsync(new Uri(endpoint, $"{SourceBucket}/{SourceKey}"), content);
        if (!put.IsSuccessStatusCode)
        {
            throw new BenchException($"putting the S3 source object answered {(int)put.StatusCode}: {await put.Content.ReadAsStringAsync()} (is the emulator running with --auth none?)");
        }
    }

    public async Task CreateActionTypesAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _client.CreateCustomActionTypeAsync(new CreateCustomActionTypeRequest
            {
                Category = ActionCategory.Test,
                Provider = string.Create(CultureInfo.InvariantCulture, $"BatonBench{i}"),
                Version = "1",
                ConfigurationProperties =
                [
                    new ActionConfigurationProperty { Name = "Steps", Required = false, Key = false, Secret = false },
                    new ActionConfigurationProperty { Name = "CheckAfter", Required = false, Key = false, Secret = false },
                ],
                InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
                OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
            });
        }
    }

    public async Task CreatePipelineAsync(string name, int typeIndex, int steps, TimeSpan checkAfter)
    {
        await _client.CreatePipelineAsync(new CreatePipelineRequest
        {
            Pipeline = new PipelineDeclaration
            {
                Name = name,
                RoleArn = "arn:aws:iam::123456789012:role/bench",
                ArtifactStore = new ArtifactStore { Type = "S3", Location = "bench-artifacts" },
                ExecutionMode = ExecutionMode.Parallel,
                Stages =
                [
                    new StageDeclaration
                    {
                        Name = "Source",
                        Actions =
                        [
                            new ActionDeclaration
                            {
                                Name = "Fetch",
                                ActionTypeId = new ActionTypeId { Category = ActionCategory.Source, Owner = ActionOwner.Aws, Provider = "S3", Version = "1" },
                                Configuration = new Dictionary<string, string> { ["S3Bucket"] = SourceBucket, ["S3ObjectKey"] = SourceKey, ["PollForSourceChanges"] = "false" },
                                OutputArtifacts = [new OutputArtifact { Name = "SourceOutput" }],
                            },
                        ],
                    },
                    new StageDeclaration
                    {
                        Name = "Work",
                        Actions =
                        [
                            new ActionDeclaration
                            {
                                Name = "NoOp",
                                ActionTypeId = new ActionTypeId
                                {
                                    Category = ActionCategory.Test,
                                    Owner = ActionOwner.Custom,
                                    Provider = string.Create(CultureInfo.InvariantCulture, $"BatonBench{typeIndex}"),
                                    Version = "1",
                                },
                                Configuration = new Dictionary<string, string>
                                {
                                    ["Steps"] = steps.ToString(CultureInfo.InvariantCulture),
                                    ["CheckAfter"] = string.Create(CultureInfo.InvariantCulture, $"{checkAfter.TotalMilliseconds:0}ms"),
                                },
                                InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                            },
                        ],
                    },
                ],
            },
        });
    }

    /// <summary>Starts <paramref name="count"/> executions of <paramref name="pipeline"/>, 32 calls at a time.</summary>
    public Task StartExecutionsAsync(string pipeline, int count, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 32, CancellationToken = cancellationToken },
            async (_, ct) => await _client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = pipeline }, ct));
}
