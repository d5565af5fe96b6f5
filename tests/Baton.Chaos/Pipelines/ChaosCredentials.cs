using Baton.CodePipeline;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;

namespace Baton.Chaos.Pipelines;

/// <summary>The region and the (unchecked: <c>--auth none</c>) credentials every participant uses.</summary>
internal static class ChaosCredentials
{
    public const string Region = "us-east-1";
    public const string AccessKey = "chaos";
    public const string SecretKey = "chaos-secret";

    /// <summary>A client for the scenario's own calls, patient enough to ride out the injected faults.</summary>
    public static CodePipelineClient CreateClient(HttpClient http, Uri emulator, TimeProvider time) => new(
        http,
        new CodePipelineClientOptions
        {
            Region = Region,
            EndpointUrl = emulator,
            Credentials = new AwsCredentials(AccessKey, SecretKey),
            MaxAttempts = 8,
            BaseDelay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(2),
        },
        time,
        Random.Shared.NextDouble);
}
