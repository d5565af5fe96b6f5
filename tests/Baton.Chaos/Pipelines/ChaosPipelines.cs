using System.Globalization;
using Baton.CodePipeline;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Signing;

namespace Baton.Chaos.Pipelines;

/// <summary>
/// Creates what the run needs in the emulator: the <c>Test/Custom/BatonChaos/1</c> action type, a
/// source object, and N pipelines (S3 source → the chaos action), each started once.
/// </summary>
internal sealed class ChaosPipelines(CodePipelineClient client, HttpClient http, Uri emulator, TimeProvider time)
{
    public const string SourceBucket = "chaos-source";
    public const string SourceKey = "app.zip";
    private static readonly SigV4Signer _signer = new();

    public static ActionTypeId ActionType { get; } = new() { Category = ActionCategory.Test, Owner = ActionOwner.Custom, Provider = "BatonChaos", Version = "1" };

    public static string PipelineName(int index) => string.Create(CultureInfo.InvariantCulture, $"chaos-{index:000}");

    public async Task CreateAsync(ChaosProfile profile, Uri backend, CancellationToken cancellationToken)
    {
        await PutSourceAsync(cancellationToken);
        await client.CreateCustomActionTypeAsync(
            new CreateCustomActionTypeRequest
            {
                Category = ActionType.Category,
                Provider = ActionType.Provider,
                Version = ActionType.Version,
                ConfigurationProperties =
                [
                    new ActionConfigurationProperty { Name = "Backend", Required = true, Key = true, Secret = false },
                    new ActionConfigurationProperty { Name = "Steps", Required = true, Key = false, Secret = false },
                    new ActionConfigurationProperty { Name = "CheckAfter", Required = true, Key = false, Secret = false },
                ],
                InputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
                OutputArtifactDetails = new ArtifactDetails { MinimumCount = 0, MaximumCount = 1 },
            },
            cancellationToken);
        var configuration = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Backend"] = backend.AbsoluteUri,
            ["Steps"] = profile.Steps.ToString(CultureInfo.InvariantCulture),
            ["CheckAfter"] = ((int)profile.CheckAfter.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms",
        };
        for (var i = 1; i <= profile.Pipelines; i++)
        {
            await client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = Declaration(PipelineName(i), configuration) }, cancellationToken);
        }
    }

    /// <summary>Starts every pipeline once; the client request token makes a retried start safe.</summary>
    /// <returns>The execution id of each pipeline.</returns>
    public async Task<IReadOnlyDictionary<string, string>> StartAllAsync(ChaosProfile profile, CancellationToken cancellationToken)
    {
        var executions = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i <= profile.Pipelines; i++)
        {
            var name = PipelineName(i);
            var started = await client.StartPipelineExecutionAsync(
                new StartPipelineExecutionRequest { Name = name, ClientRequestToken = "chaos-start-" + name },
                cancellationToken);
            executions[name] = started.PipelineExecutionId!;
        }

        return executions;
    }

    private static PipelineDeclaration Declaration(string name, IReadOnlyDictionary<string, string> configuration) => new()
    {
        Name = name,
        RoleArn = "arn:aws:iam::123456789012:role/chaos",
        ArtifactStore = new ArtifactStore { Type = "S3", Location = "chaos-artifacts" },
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
                Name = "Chaos",
                Actions = [new ActionDeclaration { Name = "Steps", ActionTypeId = ActionType, Configuration = configuration }],
            },
        ],
    };

    private async Task PutSourceAsync(CancellationToken cancellationToken)
    {
        await SendS3Async(HttpMethod.Put, SourceBucket, null, cancellationToken);
        await SendS3Async(HttpMethod.Put, SourceBucket + "/" + SourceKey, "chaos source"u8.ToArray(), cancellationToken);
    }

    private async Task SendS3Async(HttpMethod method, string path, byte[]? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(emulator, path));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(body);
        }

        _signer.Sign(request, new AwsCredentials(ChaosCredentials.AccessKey, ChaosCredentials.SecretKey), ChaosCredentials.Region, "s3", time.GetUtcNow(), SigV4SigningOptions.S3);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"S3 {method} /{path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
