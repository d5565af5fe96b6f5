using System.Text.Json.Nodes;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Model;

public class RoundTripTests
{
    [Fact]
    public void Job_WithJobData_RoundTrips()
    {
        const string Json = """
            {
              "id": "ef66c259-64f9-EXAMPLE",
              "nonce": "3",
              "accountId": "111111111111",
              "data": {
                "actionTypeId": {"category": "Test", "owner": "Custom", "provider": "BatonLoadTest", "version": "1"},
                "actionConfiguration": {"configuration": {"Target": "http://127.0.0.1:8080/", "Duration": "60"}},
                "pipelineContext": {
                  "pipelineName": "checkout",
                  "stage": {"name": "Test"},
                  "action": {"name": "LoadTest", "actionExecutionId": "a1b2"},
                  "pipelineArn": "arn:aws:codepipeline:eu-west-1:111111111111:checkout",
                  "pipelineExecutionId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"
                },
                "inputArtifacts": [{"name": "BuildOutput", "revision": "r1",
                  "location": {"type": "S3", "s3Location": {"bucketName": "artifacts", "objectKey": "checkout/Build/abc.zip"}}}],
                "outputArtifacts": [],
                "artifactCredentials": {"accessKeyId": "AKIDEXAMPLE", "secretAccessKey": "wJalrEXAMPLEKEY", "sessionToken": "FQoEXAMPLE"},
                "continuationToken": "eyJ2IjoxfQ",
                "encryptionKey": {"id": "arn:aws:kms:eu-west-1:111111111111:alias/aws/s3", "type": "KMS"}
              }
            }
            """;

        var job = AssertRoundTrips<Job>(Json);

        Assert.Equal("60", job.Data!.ActionConfiguration!.Configuration!["Duration"]);
        Assert.Equal("checkout/Build/abc.zip", job.Data.InputArtifacts![0].Location!.S3Location!.ObjectKey);
        Assert.Empty(job.Data.OutputArtifacts!);
        Assert.Equal("wJalrEXAMPLEKEY", job.Data.ArtifactCredentials!.SecretAccessKey);
        Assert.Equal(EncryptionKeyType.Kms, job.Data.EncryptionKey!.Type);
    }

    [Fact]
    public void PipelineDeclaration_WithStagesAndActions_RoundTrips()
    {
        const string Json = """
            {
              "pipeline": {
                "name": "checkout",
                "roleArn": "arn:aws:iam::111111111111:role/AWS-CodePipeline-Service",
                "artifactStore": {"type": "S3", "location": "codepipeline-eu-west-1-111111111111"},
                "version": 3,
                "pipelineType": "V2",
                "executionMode": "QUEUED",
                "variables": [{"name": "Region", "defaultValue": "eu-west-1"}],
                "stages": [
                  {"name": "Source", "actions": [{"name": "Source", "runOrder": 1,
                    "actionTypeId": {"category": "Source", "owner": "AWS", "provider": "S3", "version": "1"},
                    "configuration": {"S3Bucket": "sources", "S3ObjectKey": "app.zip", "PollForSourceChanges": "false"},
                    "outputArtifacts": [{"name": "SourceOutput"}], "inputArtifacts": []}]},
                  {"name": "Test", "actions": [
                    {"name": "LoadTest", "runOrder": 1, "timeoutInMinutes": 60, "namespace": "LoadTestVars",
                      "actionTypeId": {"category": "Test", "owner": "ThirdParty", "provider": "BatonLoadTest", "version": "1"},
                      "configuration": {"Thresholds": "p95<300ms; errors<1%"},
                      "inputArtifacts": [{"name": "SourceOutput"}]},
                    {"name": "Approve", "runOrder": 2,
                      "actionTypeId": {"category": "Approval", "owner": "AWS", "provider": "Manual", "version": "1"}}],
                   "onFailure": {"result": "RETRY", "retryConfiguration": {"retryMode": "FAILED_ACTIONS"}}}
                ]
              },
              "metadata": {"pipelineArn": "arn:aws:codepipeline:eu-west-1:111111111111:checkout",
                "created": 1446137312.204, "updated": 1446137999}
            }
            """;

        var response = AssertRoundTrips<GetPipelineResponse>(Json);

        var stages = response.Pipeline!.Stages;
        Assert.Equal(["Source", "Test"], stages.Select(s => s.Name));
        Assert.Equal(2, stages[1].Actions[1].RunOrder);
        Assert.Equal(ActionOwner.ThirdParty, stages[1].Actions[0].ActionTypeId.Owner);
        Assert.Equal(Result.Retry, stages[1].OnFailure!.Result);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1446137312204), response.Metadata!.Created);
    }

    [Fact]
    public void GetPipelineStateResponse_WithFractionalTimestamps_RoundTrips()
    {
        const string Json = """
            {
              "pipelineName": "MyFirstPipeline",
              "pipelineVersion": 1,
              "created": 1446137312.204,
              "updated": 1446137312.204,
              "stageStates": [
                {"stageName": "Source",
                 "actionStates": [{"actionName": "Source", "entityUrl": "https://console.aws.amazon.com/s3/home?#",
                   "latestExecution": {"status": "Succeeded", "lastStatusChange": 1446137358.328}}]},
                {"stageName": "Beta",
                 "inboundTransitionState": {"enabled": true},
                 "latestExecution": {"pipelineExecutionId": "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "status": "InProgress"},
                 "actionStates": [{"actionName": "CodePipelineDemoFleet",
                   "currentRevision": {"revisionId": "v1", "revisionChangeId": "c1", "created": 1446137300},
                   "latestExecution": {"status": "InProgress", "lastStatusChange": 1446137358.5, "percentComplete": 40,
                     "summary": "Load test 40% done", "externalExecutionId": "153245",
                     "externalExecutionUrl": "https://loadtest.example/tests/153245"}}]}
              ]
            }
            """;

        var response = AssertRoundTrips<GetPipelineStateResponse>(Json);

        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1446137312204), response.Created);
        var beta = response.StageStates![1];
        Assert.True(beta.InboundTransitionState!.Enabled);
        Assert.Equal(40, beta.ActionStates![0].LatestExecution!.PercentComplete);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1446137358500), beta.ActionStates[0].LatestExecution!.LastStatusChange);
    }

    [Fact]
    public void PutThirdPartyJobSuccessResultRequest_BuiltInCode_SerializesTheModelNames()
    {
        var request = new PutThirdPartyJobSuccessResultRequest
        {
            JobId = "job-1",
            ClientToken = "token",
            ContinuationToken = "state",
            ExecutionDetails = new ExecutionDetails { ExternalExecutionId = "153245", PercentComplete = 0, Summary = "Started" },
        };

        var json = JsonNode.Parse(CodePipelineJson.Serialize(request))!;

        Assert.True(JsonNode.DeepEquals(
            JsonNode.Parse("""
                {"jobId": "job-1", "clientToken": "token", "continuationToken": "state",
                 "executionDetails": {"summary": "Started", "externalExecutionId": "153245", "percentComplete": 0}}
                """),
            json),
            json.ToJsonString());
    }

    private static T AssertRoundTrips<T>(string json)
    {
        var value = CodePipelineJson.Deserialize<T>(json);
        var written = CodePipelineJson.Serialize(value);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)), $"Round trip changed the JSON:\n{written}");
        return value;
    }
}
