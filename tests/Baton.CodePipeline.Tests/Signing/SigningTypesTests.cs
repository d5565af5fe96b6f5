using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>The small value types: credentials, Authorization header, credential scope.</summary>
public class SigningTypesTests
{
    [Fact]
    public void AwsCredentials_ToString_RedactsSecretAndToken()
    {
        var text = new AwsCredentials("ASIABATON", "super-secret-key", "session-token-value").ToString();

        Assert.Contains("ASIABATON", text);
        Assert.DoesNotContain("super-secret-key", text);
        Assert.DoesNotContain("session-token-value", text);
    }

    [Theory]
    [InlineData("", "secret")]
    [InlineData("AKID", "")]
    public void AwsCredentials_EmptyKeyOrSecret_Throws(string accessKeyId, string secret)
    {
        Assert.ThrowsAny<ArgumentException>(() => new AwsCredentials(accessKeyId, secret));
    }

    [Fact]
    public void RequestSignature_Parse_ReadsEveryPartAndFormatsBack()
    {
        const string header =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b";

        var signature = RequestSignature.Parse(header);

        Assert.Equal("AKIDEXAMPLE", signature.AccessKeyId);
        Assert.Equal(new CredentialScope("20150830", "us-east-1", "service"), signature.Scope);
        Assert.Equal(["host", "x-amz-date"], signature.SignedHeaders);
        Assert.Equal("5da7c1a2acd57cee7505fc6676e4e544621c30862966e37dddb68e92efbe5d6b", signature.Signature);
        Assert.Equal(header, signature.ToAuthorizationHeader());
    }

    [Fact]
    public void RequestSignature_ParseWithoutSpacesAfterCommas_Accepts()
    {
        var signature = RequestSignature.Parse(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/s3/aws4_request,SignedHeaders=host,Signature=abc");

        Assert.Equal("s3", signature.Scope.Service);
    }

    [Fact]
    public void RequestSignature_CredentialWithFourParts_FormatExceptionSaysWhatIsExpected()
    {
        var error = Assert.Throws<FormatException>(() => RequestSignature.Parse(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/aws4_request, SignedHeaders=host, Signature=abc"));

        Assert.Contains("exactly 5 slash-delimited elements", error.Message);
    }

    [Fact]
    public void RequestSignature_MissingSignature_FormatExceptionNamesIt()
    {
        var error = Assert.Throws<FormatException>(() => RequestSignature.Parse(
            "AWS4-HMAC-SHA256 Credential=AKID/20150830/us-east-1/s3/aws4_request, SignedHeaders=host"));

        Assert.Equal("Authorization header requires 'Signature' parameter.", error.Message);
    }

    [Fact]
    public void CredentialScope_For_FormatsTheUtcDate()
    {
        var scope = CredentialScope.For(new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.FromHours(2)), "eu-west-1", "codepipeline");

        Assert.Equal("20241231/eu-west-1/codepipeline/aws4_request", scope.ToString());
    }

    [Theory]
    [InlineData("UNSIGNED-PAYLOAD", true)]
    [InlineData("STREAMING-UNSIGNED-PAYLOAD-TRAILER", true)]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", true)]
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85", false)]
    [InlineData("not-a-hash", false)]
    public void SigV4PayloadHash_IsValid_AcceptsHashesAndLiteralsOnly(string value, bool expected)
    {
        Assert.Equal(expected, SigV4PayloadHash.IsValid(value));
    }
}
