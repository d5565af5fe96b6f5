using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Handler;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>The pipeline of the end-to-end tests and the connect handshake over plain HTTP.</summary>
public static class LoadTestPipelines
{
    public const string TestStage = "Test";
    public const string LoadTestAction = "LoadTest";

    /// <summary>An S3 source, then the BatonLoadTest action (third party) with <paramref name="configuration"/>.</summary>
    public static PipelineDeclaration SourceThenLoadTest(string name, IReadOnlyDictionary<string, string> configuration) => new()
    {
        Name = name,
        RoleArn = "arn:aws:iam::123456789012:role/pipeline",
        ArtifactStore = new ArtifactStore { Type = "S3", Location = "artifact-bucket" },
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
                        Configuration = new Dictionary<string, string>
                        {
                            ["S3Bucket"] = EndToEndStack.SourceBucket,
                            ["S3ObjectKey"] = EndToEndStack.SourceKey,
                            ["PollForSourceChanges"] = "false",
                        },
                        OutputArtifacts = [new OutputArtifact { Name = "SourceOutput" }],
                    },
                ],
            },
            new StageDeclaration
            {
                Name = TestStage,
                Actions =
                [
                    new ActionDeclaration
                    {
                        Name = LoadTestAction,
                        ActionTypeId = LoadTestActionType.ThirdParty,
                        Configuration = configuration,
                        InputArtifacts = [new InputArtifact { Name = "SourceOutput" }],
                    },
                ],
            },
        ],
    };

    /// <summary>
    /// Connects the pipeline's load-test action without a browser, hop by hop: the emulator's admin
    /// API starts the handshake, the form goes to the service's sign-up page with the account's key
    /// and the configuration, and its 303 is followed back to the emulator.
    /// </summary>
    public static async Task ConnectAsync(EndToEndStack stack, string pipeline, string apiKey, IReadOnlyDictionary<string, string> configuration)
    {
        using var started = await stack.Http.PostAsJsonAsync(
            new Uri(stack.EmulatorUrl, "/_baton/third-party-handshakes"),
            new { pipelineName = pipeline, actionName = LoadTestAction });
        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        var handshake = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        var configurationUrl = new Uri(handshake.GetProperty("configurationUrl").GetString()!);
        Assert.Equal(new Uri(stack.ServiceUrl, "signup"), configurationUrl);

        using var form = new FormUrlEncodedContent(
        [
            new("request", handshake.GetProperty("request").GetString()!),
            new("step", "connect"),
            new("apiKey", apiKey),
            .. configuration,
        ]);
        using var signedUp = await stack.Http.PostAsync(configurationUrl, form);
        var signUpPage = await signedUp.Content.ReadAsStringAsync();
        Assert.True(signedUp.StatusCode == HttpStatusCode.SeeOther, $"The sign-up page answered {(int)signedUp.StatusCode}: {signUpPage}");

        using var returned = await stack.Http.GetAsync(signedUp.Headers.Location);
        var body = await returned.Content.ReadAsStringAsync();
        Assert.True(returned.StatusCode == HttpStatusCode.OK, $"The emulator's return endpoint answered {(int)returned.StatusCode}: {body}");
    }
}
