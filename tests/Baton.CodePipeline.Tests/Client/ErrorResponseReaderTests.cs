using System.Net;
using System.Text;
using Baton.CodePipeline.Client;

namespace Baton.CodePipeline.Tests.Client;

public class ErrorResponseReaderTests
{
    [Theory]
    [InlineData("""{"__type":"JobNotFoundException","message":"m"}""", "JobNotFoundException")]
    [InlineData("""{"__type":"com.amazonaws.codepipeline#JobNotFoundException","message":"m"}""", "JobNotFoundException")]
    [InlineData("""{"__type":"JobNotFoundException:http://internal.amazon.com/coral/com.amazonaws.codepipeline/","message":"m"}""", "JobNotFoundException")]
    [InlineData("""{"__type":"aws.protocoltests#ns#ValidationException:suffix","message":"m"}""", "ValidationException")]
    public async Task ReadAsync_TypeWithPrefixOrSuffix_IsTheBareCode(string body, string expectedCode)
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, body);

        Assert.Equal(expectedCode, error.ErrorCode);
    }

    [Fact]
    public async Task ReadAsync_ModeledCode_IsTheTypedException()
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, """{"__type":"InvalidNonceException","message":"bad nonce"}""");

        Assert.IsType<InvalidNonceException>(error);
        Assert.Equal("bad nonce", error.Message);
    }

    [Fact]
    public async Task ReadAsync_CapitalisedMessage_IsRead()
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","Message":"Rate exceeded"}""");

        Assert.Equal("Rate exceeded", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NoTypeInBody_FallsBackToTheErrorTypeHeader()
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, """{"message":"who am I"}""",
            ("x-amzn-ErrorType", "UnrecognizedClientException:http://internal.amazon.com/coral/com.amazon.coral.service/"));

        Assert.Equal("UnrecognizedClientException", error.ErrorCode);
        Assert.Equal("who am I", error.Message);
    }

    [Fact]
    public async Task ReadAsync_NothingToGoOn_UsesTheStatusNameAndDescribesTheBody()
    {
        var error = await ReadAsync(HttpStatusCode.BadGateway, "");

        Assert.Equal("BadGateway", error.ErrorCode);
        Assert.Equal("HTTP 502 (BadGateway) with an empty body.", error.Message);
    }

    [Fact]
    public async Task ReadAsync_RequestIdHeader_IsKept()
    {
        var error = await ReadAsync(HttpStatusCode.BadRequest, """{"__type":"ValidationException","message":"m"}""",
            ("x-amzn-RequestId", "3f1c0a2e-req"));

        Assert.Equal("3f1c0a2e-req", error.RequestId);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task ReadAsync_LongNonJsonBody_IsQuotedShortened()
    {
        var error = await ReadAsync(HttpStatusCode.InternalServerError, new string('x', 5000), contentType: "text/plain");

        Assert.StartsWith("HTTP 500 (InternalServerError) with a body that is not an AWS JSON error (text/plain): xxx", error.Message);
        Assert.True(error.Message.Length < 400, error.Message);
    }

    [Theory]
    [InlineData("[1,2]")]
    [InlineData("""{"__type": 42}""")]
    public async Task ReadAsync_JsonThatIsNotAnError_UsesTheStatusName(string body)
    {
        var error = await ReadAsync(HttpStatusCode.ServiceUnavailable, body);

        Assert.Equal("ServiceUnavailable", error.ErrorCode);
    }

    private static async Task<CodePipelineServiceException> ReadAsync(
        HttpStatusCode status, string body, (string Name, string Value)? header = null, string contentType = CodePipelineProtocol.ContentType)
    {
        using var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        if (header is { } h)
        {
            response.Headers.TryAddWithoutValidation(h.Name, h.Value);
        }

        return await ErrorResponseReader.ReadAsync(response, CancellationToken.None);
    }
}
