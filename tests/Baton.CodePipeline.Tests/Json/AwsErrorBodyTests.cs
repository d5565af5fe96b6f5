using Baton.CodePipeline.Json;

namespace Baton.CodePipeline.Tests.Json;

public class AwsErrorBodyTests
{
    [Fact]
    public void Deserialize_LowercaseMessage_ReadsTypeAndMessage()
    {
        var body = CodePipelineJson.Deserialize<AwsErrorBody>("""{"__type": "JobNotFoundException", "message": "No job"}""");

        Assert.Equal("JobNotFoundException", body.Type);
        Assert.Equal("No job", body.Message);
    }

    [Fact]
    public void Deserialize_CapitalizedMessage_IsAccepted()
    {
        var body = CodePipelineJson.Deserialize<AwsErrorBody>("""{"__type": "ThrottlingException", "Message": "Rate exceeded", "extra": {"x": 1}}""");

        Assert.Equal("Rate exceeded", body.Message);
    }

    [Fact]
    public void Deserialize_BothSpellings_PrefersLowercase()
    {
        var body = CodePipelineJson.Deserialize<AwsErrorBody>("""{"Message": "upper", "message": "lower"}""");

        Assert.Equal("lower", body.Message);
        Assert.Null(body.ErrorCode);
    }

    [Fact]
    public void Serialize_WritesTypeAndLowercaseMessage_LeavingOutNulls()
    {
        Assert.Equal(
            """{"__type":"ValidationException","message":"bad"}""",
            CodePipelineJson.Serialize(new AwsErrorBody { Type = "ValidationException", Message = "bad" }));
        Assert.Equal("""{"__type":"ValidationException"}""", CodePipelineJson.Serialize(new AwsErrorBody { Type = "ValidationException" }));
    }

    [Theory]
    [InlineData("JobNotFoundException", "JobNotFoundException")]
    [InlineData("com.amazonaws.codepipeline#JobNotFoundException", "JobNotFoundException")]
    [InlineData("JobNotFoundException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/", "JobNotFoundException")]
    [InlineData(" aws#ValidationException ", "ValidationException")]
    public void ErrorCode_TypeWithPrefixOrSuffix_IsTheBareCode(string type, string expected)
    {
        Assert.Equal(expected, new AwsErrorBody { Type = type }.ErrorCode);
    }

    [Fact]
    public void Deserialize_NotAnObject_FailsClearly()
    {
        var error = Assert.Throws<System.Text.Json.JsonException>(() => CodePipelineJson.Deserialize<AwsErrorBody>("[1]"));

        Assert.Contains("must be a JSON object", error.Message, StringComparison.Ordinal);
    }
}
