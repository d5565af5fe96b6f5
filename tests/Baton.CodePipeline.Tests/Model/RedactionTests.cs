using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Model;

public class RedactionTests
{
    private static readonly AWSSessionCredentials _credentials = new()
    {
        AccessKeyId = "AKIDSECRETVALUE1",
        SecretAccessKey = "SECRETVALUE2",
        SessionToken = "SECRETVALUE3",
    };

    [Fact]
    public void ToString_SessionCredentials_PrintsOnlyStars()
    {
        var text = _credentials.ToString();

        Assert.Equal("AWSSessionCredentials { AccessKeyId = ***, SecretAccessKey = ***, SessionToken = *** }", text);
    }

    [Fact]
    public void ToString_JobWithCredentials_HidesThemAtEveryLevel()
    {
        var job = new Job
        {
            Id = "job-1",
            Data = new JobData { ArtifactCredentials = _credentials, ContinuationToken = "state-1" },
        };

        var text = job.ToString();

        Assert.DoesNotContain("SECRETVALUE", text, StringComparison.Ordinal);
        Assert.Contains("ArtifactCredentials = ***", text, StringComparison.Ordinal);
        Assert.Contains("ContinuationToken = state-1", text, StringComparison.Ordinal);
        Assert.Contains("Id = job-1", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_PolledResponse_DoesNotLeakCredentials()
    {
        var response = CodePipelineJson.Deserialize<GetJobDetailsResponse>("""
            {"jobDetails": {"id": "j", "data": {"artifactCredentials":
              {"accessKeyId": "SECRETVALUEA", "secretAccessKey": "SECRETVALUEB", "sessionToken": "SECRETVALUEC"}}}}
            """);

        Assert.DoesNotContain("SECRETVALUE", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NullSecret_PrintsNothingForIt()
    {
        var text = new JobData { ContinuationToken = "t" }.ToString();

        Assert.Contains("ArtifactCredentials = ,", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ThirdPartyClientToken_IsRedacted()
    {
        var request = new AcknowledgeThirdPartyJobRequest { JobId = "job-1", Nonce = "7", ClientToken = "SECRETCLIENTTOKEN" };

        var text = request.ToString();

        Assert.Equal("AcknowledgeThirdPartyJobRequest { JobId = job-1, Nonce = 7, ClientToken = *** }", text);
    }

    [Fact]
    public void Sensitive_MarksExactlyTheModelsSensitiveMembers()
    {
        Assert.True(Attribute.IsDefined(typeof(AWSSessionCredentials), typeof(SensitiveAttribute)));
        Assert.True(Attribute.IsDefined(typeof(JobData).GetProperty(nameof(JobData.ArtifactCredentials))!, typeof(SensitiveAttribute)));
        Assert.True(Attribute.IsDefined(typeof(AWSSessionCredentials).GetProperty(nameof(AWSSessionCredentials.SecretAccessKey))!, typeof(SensitiveAttribute)));
        Assert.False(Attribute.IsDefined(typeof(JobData).GetProperty(nameof(JobData.ContinuationToken))!, typeof(SensitiveAttribute)));
    }

    [Fact]
    public void Equality_RedactedRecords_StillCompareByValue()
    {
        var copy = _credentials with { };

        Assert.Equal(_credentials, copy);
        Assert.NotEqual(_credentials, copy with { SessionToken = "other" });
    }
}
