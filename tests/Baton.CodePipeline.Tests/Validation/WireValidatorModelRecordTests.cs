using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Validation;

namespace Baton.CodePipeline.Tests.Validation;

// Realistic requests built from the generated wire records, and bodies read the way the emulator
// reads them (lenient JSON, so missing required members arrive as null).
public class WireValidatorModelRecordTests
{
    private static ActionDeclaration Action(string name) => new()
    {
        Name = name,
        ActionTypeId = new ActionTypeId { Category = "Build", Owner = "Custom", Provider = "BatonLoadTest", Version = "1" },
    };

    private static StageDeclaration Stage(string name, params ActionDeclaration[] actions) => new() { Name = name, Actions = actions };

    [Fact]
    public void Validate_PollForJobsWithBogusOwnerAndZeroBatch_ReportsBothInModelOrder()
    {
        var request = new PollForJobsRequest
        {
            ActionTypeId = new ActionTypeId { Category = "Build", Owner = "Bogus", Provider = "BatonLoadTest", Version = "1" },
            MaxBatchSize = 0,
        };

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "2 validation errors detected: "
            + "Value 'Bogus' at 'actionTypeId.owner' failed to satisfy constraint: Member must satisfy enum value set: [AWS, ThirdParty, Custom]; "
            + "Value '0' at 'maxBatchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
            result.Message);
    }

    [Fact]
    public void Validate_CreatePipelineWithBadActionNameInStageTwo_ReportsTheMemberPath()
    {
        var request = new CreatePipelineRequest
        {
            Pipeline = new PipelineDeclaration
            {
                Name = "baton-demo",
                RoleArn = "arn:aws:iam::123456789012:role/baton",
                Stages = [Stage("Source", Action("Fetch")), Stage("LoadTest", Action("run load test"))],
            },
        };

        var error = Assert.Single(WireValidator.Validate(request).Errors);

        Assert.Equal("pipeline.stages.2.member.actions.1.member.name", error.Path);
        Assert.Equal(
            "Value 'run load test' at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
            error.ToString());
    }

    [Fact]
    public void Validate_BodyMissingRequiredMembers_ReportsValueNullForEach()
    {
        var request = CodePipelineJson.Deserialize<AcknowledgeJobRequest>("{}");

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "2 validation errors detected: Value null at 'jobId' failed to satisfy constraint: Member must not be null; "
            + "Value null at 'nonce' failed to satisfy constraint: Member must not be null",
            result.Message);
    }

    [Fact]
    public void Validate_BodyWithBadConfigurationValue_ReportsValueAtTheMap()
    {
        var body = """
            {"pipeline":{"name":"p","roleArn":"arn:aws:iam::123456789012:role/r","stages":[
              {"name":"Build","actions":[{"name":"Run","actionTypeId":{"category":"Build","owner":"Custom","provider":"P","version":"1"},
                "configuration":{"Url":""}}]}]}}
            """;

        var result = WireValidator.Validate(CodePipelineJson.Deserialize<CreatePipelineRequest>(body));

        Assert.Equal(
            "1 validation error detected: Value at 'pipeline.stages.1.member.actions.1.member.configuration' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1]",
            result.Message);
    }

    [Fact]
    public void Validate_ThirdPartyJobCredentialsMissingToken_NamesThePathWithoutEchoingSecrets()
    {
        var data = new ThirdPartyJobData
        {
            ArtifactCredentials = new AWSSessionCredentials { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "wJalrEXAMPLE", SessionToken = null! },
            ContinuationToken = string.Empty,
        };

        var result = WireValidator.Validate(data);

        Assert.Equal(
            "2 validation errors detected: Value null at 'artifactCredentials.sessionToken' failed to satisfy constraint: Member must not be null; "
            + "Value '' at 'continuationToken' failed to satisfy constraint: Member must have length greater than or equal to 1",
            result.Message);
    }

    [Fact]
    public void Validate_SameRequestFromManyThreads_GivesTheSameResult()
    {
        var request = new PollForJobsRequest
        {
            ActionTypeId = new ActionTypeId { Category = "Bake", Owner = "Custom", Provider = "bad provider", Version = "1" },
            MaxBatchSize = 0,
        };
        var expected = WireValidator.Validate(request).Message;
        var messages = new string[64];

        Parallel.For(0, messages.Length, i => messages[i] = WireValidator.Validate(request).Message);

        Assert.All(messages, message => Assert.Equal(expected, message));
    }
}
