using System.Text;
using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Json;

public class CodePipelineJsonTests
{
    [Fact]
    public void Serialize_NullMembers_AreLeftOut()
    {
        var request = new PollForJobsRequest
        {
            ActionTypeId = new ActionTypeId { Category = "Test", Owner = "Custom", Provider = "BatonLoadTest", Version = "1" },
            MaxBatchSize = null,
            QueryParam = null,
        };

        var json = CodePipelineJson.Serialize(request);

        Assert.Equal("""{"actionTypeId":{"category":"Test","owner":"Custom","provider":"BatonLoadTest","version":"1"}}""", json);
    }

    [Fact]
    public void Deserialize_UnknownMembers_AreSkipped()
    {
        // Real responses carry legacy "__type" markers inside nested objects.
        const string Json = """
            {"jobs": [{"id": "11111111-2222-3333-4444-555555555555", "futureMember": {"a": [1, 2]},
              "data": {"__type": "JobData", "actionTypeId": {"__type": "ActionTypeId", "category": "Test",
              "owner": "Custom", "provider": "BatonLoadTest", "version": "1"}}}], "nextPageHint": 3}
            """;

        var response = CodePipelineJson.Deserialize<PollForJobsResponse>(Json);

        var job = Assert.Single(response.Jobs!);
        Assert.Equal("11111111-2222-3333-4444-555555555555", job.Id);
        Assert.Equal("BatonLoadTest", job.Data!.ActionTypeId!.Provider);
    }

    [Fact]
    public void Deserialize_MissingRequiredMember_ReadsAsNull()
    {
        var request = CodePipelineJson.Deserialize<AcknowledgeJobRequest>("""{"jobId": "11111111-2222-3333-4444-555555555555"}""");

        Assert.Equal("11111111-2222-3333-4444-555555555555", request.JobId);
        Assert.Null(request.Nonce);
    }

    [Fact]
    public void Deserialize_MissingRequiredNestedStructure_ReadsAsNull()
    {
        var request = CodePipelineJson.Deserialize<PutJobFailureResultRequest>("""{"jobId": "j", "failureDetails": {"message": "m"}}""");

        Assert.Null(request.FailureDetails.Type);
        Assert.Equal("m", request.FailureDetails.Message);
    }

    [Fact]
    public void Deserialize_MissingRequiredValueTypeMember_FailsNamingIt()
    {
        // minimumCount is a required integer: it has no null to fall back to, and 0 would be a silent lie.
        var error = Assert.Throws<JsonException>(() => CodePipelineJson.Deserialize<ArtifactDetails>("""{"maximumCount": 1}"""));

        Assert.Contains("minimumCount", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_PresentRequiredValueTypeMembers_AreRead()
    {
        var details = CodePipelineJson.Deserialize<ArtifactDetails>("""{"minimumCount": 0, "maximumCount": 5}""");

        Assert.Equal((0, 5), (details.MinimumCount, details.MaximumCount));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \r\n")]
    [InlineData("{}")]
    public void Deserialize_EmptyBody_ReadsAnEmptyRequest(string body)
    {
        var fromText = CodePipelineJson.Deserialize<ListPipelinesRequest>(body);
        var fromBytes = CodePipelineJson.Deserialize<ListPipelinesRequest>(Encoding.UTF8.GetBytes(body));

        Assert.Equal(new ListPipelinesRequest(), fromText);
        Assert.Equal(new ListPipelinesRequest(), fromBytes);
    }

    [Fact]
    public void Deserialize_EmptyBodyForRequestWithRequiredMembers_ReadsNulls()
    {
        var request = CodePipelineJson.Deserialize<GetJobDetailsRequest>(ReadOnlySpan<byte>.Empty);

        Assert.Null(request.JobId);
    }

    [Fact]
    public void Deserialize_JsonNull_FailsSayingAnObjectIsExpected()
    {
        var error = Assert.Throws<JsonException>(() => CodePipelineJson.Deserialize<ListPipelinesRequest>("null"));

        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deserialize_WrongMemberType_Fails()
    {
        Assert.Throws<JsonException>(() => CodePipelineJson.Deserialize<PollForJobsRequest>("""{"maxBatchSize": "ten"}"""));
    }

    [Fact]
    public void TypeInfo_EveryOperationRecord_IsInTheContext()
    {
        foreach (var operation in CodePipelineOperations.All)
        {
            foreach (var type in new[] { operation.RequestType, operation.ResponseType }.OfType<Type>())
            {
                Assert.Same(type, CodePipelineJson.Options.GetTypeInfo(type).Type);
            }
        }
    }

    [Fact]
    public void Options_AreReadOnly()
    {
        Assert.True(CodePipelineJson.Options.IsReadOnly);
        Assert.Throws<InvalidOperationException>(() => CodePipelineJson.Options.WriteIndented = true);
    }

    [Fact]
    public void TypeInfo_ATypeOutsideTheContext_Throws()
    {
        Assert.Throws<NotSupportedException>(() => CodePipelineJson.TypeInfo<Uri>());
    }
}
