using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;
using Baton.Emulator.S3;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Baton.Agent.Tests.Artifacts;

/// <summary>
/// One test's world: the S3 host, a private temp directory, and job data whose artifacts live in
/// the host's bucket. Disposing it stops the host and deletes the directory.
/// </summary>
internal sealed class ArtifactTestBed : IAsyncDisposable
{
    public static readonly AWSSessionCredentials JobCredentials = new() { AccessKeyId = "ASIAJOB1", SecretAccessKey = "job-secret-1", SessionToken = "job-token-1" };
    public static readonly AWSSessionCredentials FreshCredentials = new() { AccessKeyId = "ASIAJOB2", SecretAccessKey = "job-secret-2", SessionToken = "job-token-2" };

    private ArtifactTestBed(ArtifactS3Host host, string root)
    {
        Host = host;
        Root = root;
    }

    public ArtifactS3Host Host { get; }

    public string Root { get; }

    public string Destination => Path.Combine(Root, "extracted");

    public static async Task<ArtifactTestBed> StartAsync(Action<S3EmulatorOptions>? configure = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "baton-artifact-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        return new ArtifactTestBed(await ArtifactS3Host.StartAsync(configure), root);
    }

    public ArtifactOptions Options(Action<ArtifactOptions>? configure = null)
    {
        var options = new ArtifactOptions { ServiceUrl = Host.BaseUri, Region = "us-east-1", WorkDirectory = Path.Combine(Root, "work") };
        configure?.Invoke(options);
        return options;
    }

    public JobArtifactsFactory Factory(Action<ArtifactOptions>? configure = null, TimeProvider? timeProvider = null, ILogger? logger = null) =>
        new(Microsoft.Extensions.Options.Options.Create(Options(configure)), timeProvider ?? TimeProvider.System, logger ?? NullLogger.Instance, _ => null);

    public static JobData Job(
        IEnumerable<(string Name, string Key)>? inputs = null,
        IEnumerable<(string Name, string Key)>? outputs = null,
        EncryptionKey? encryptionKey = null,
        AWSSessionCredentials? credentials = null) => new()
        {
            InputArtifacts = [.. (inputs ?? []).Select(a => Artifact(a.Name, a.Key))],
            OutputArtifacts = [.. (outputs ?? []).Select(a => Artifact(a.Name, a.Key))],
            ArtifactCredentials = credentials ?? JobCredentials,
            EncryptionKey = encryptionKey,
        };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }

    private static Artifact Artifact(string name, string key) => new()
    {
        Name = name,
        Revision = "rev-1",
        Location = new ArtifactLocation { Type = "S3", S3Location = new S3ArtifactLocation { BucketName = ArtifactS3Host.Bucket, ObjectKey = key } },
    };
}
