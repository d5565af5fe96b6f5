using Baton.CodePipeline.Signing;
using static Baton.CodePipeline.Tests.Signing.VerifierScenario;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Refusals about who signed and what: access key, session token, signed headers, signature.</summary>
public class SigV4VerifierCredentialTests
{
    private readonly VerifierScenario _scenario = new();

    [Fact]
    public void Verify_UnknownAccessKey_UnrecognizedClientException()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), _ => null, Now, Options);

        Assert.Equal(SigV4FailureKind.UnknownAccessKey, result.Failure?.Kind);
        Assert.Equal("UnrecognizedClientException", result.Failure?.Code);
        Assert.Equal("The security token included in the request is invalid.", result.Failure?.Message);
        Assert.Equal("InvalidAccessKeyId", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_SignedHeaderAbsent_MissingSignedHeaderNamingIt()
    {
        var signed = _scenario.Signed(WithHeaders(Unsigned(), ("My-Header1", "value1")));

        var result = _scenario.Verify(WithHeader(signed, "My-Header1", null));

        Assert.Equal(SigV4FailureKind.MissingSignedHeader, result.Failure?.Kind);
        Assert.Contains("'my-header1'", result.Failure?.Message);
    }

    [Fact]
    public void Verify_HostNotSigned_MissingSignedHeader()
    {
        var signed = _scenario.Signed();
        var authorization = signed.GetHeader("Authorization")!.Replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date", StringComparison.Ordinal);

        var result = _scenario.Verify(WithHeader(signed, "Authorization", authorization));

        Assert.Equal(SigV4FailureKind.MissingSignedHeader, result.Failure?.Kind);
        Assert.Equal("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.", result.Failure?.Message);
    }

    [Fact]
    public void Verify_SignatureMismatch_ReportsCanonicalRequestAndStringToSign()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), _ => new AwsCredentials("AKIDEXAMPLE", "another-secret"), Now, Options);

        Assert.Equal("InvalidSignatureException", result.Failure?.Code);
        Assert.Equal(
            "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.",
            result.Failure?.Message);
        Assert.Equal("SignatureDoesNotMatch", result.Failure?.S3Code);
        Assert.StartsWith("GET\n/\n\nhost:example.amazonaws.com\n", result.Failure?.CanonicalRequest);
        Assert.StartsWith("AWS4-HMAC-SHA256\n20150830T123600Z\n", result.Failure?.StringToSign);
    }

    [Fact]
    public void Verify_SessionCredentialsButNoTokenSent_UnrecognizedClient()
    {
        var temporary = new AwsCredentials("AKIDEXAMPLE", Credentials.SecretAccessKey, "token-1");
        var signed = _scenario.Signed(Unsigned(), temporary with { }, omitToken: true);

        var result = _scenario.Verifier.Verify(WithHeader(signed, "X-Amz-Security-Token", null), _ => temporary, Now, Options with
        {
            Signing = new SigV4SigningOptions { OmitSessionTokenFromSignature = true },
        });

        Assert.Equal(SigV4FailureKind.InvalidSecurityToken, result.Failure?.Kind);
        Assert.Equal("UnrecognizedClientException", result.Failure?.Code);
        Assert.Equal("InvalidToken", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_SessionTokenOfAnotherSession_UnrecognizedClient()
    {
        var signed = _scenario.Signed(Unsigned(), new AwsCredentials("AKIDEXAMPLE", Credentials.SecretAccessKey, "token-1"));

        var result = _scenario.Verifier.Verify(
            signed, _ => new AwsCredentials("AKIDEXAMPLE", Credentials.SecretAccessKey, "token-2"), Now, Options);

        Assert.Equal(SigV4FailureKind.InvalidSecurityToken, result.Failure?.Kind);
    }

    [Fact]
    public void Verify_TokenSentForLongTermCredentials_UnrecognizedClient()
    {
        var signed = _scenario.Signed(Unsigned(), new AwsCredentials("AKIDEXAMPLE", Credentials.SecretAccessKey, "token-1"));

        Assert.Equal(SigV4FailureKind.InvalidSecurityToken, _scenario.Verify(signed).Failure?.Kind);
    }

    [Fact]
    public void Verify_SessionCredentialsWithSignedToken_AcceptsAndReportsTheCaller()
    {
        var temporary = new AwsCredentials("ASIAEXAMPLE", "temporary-secret", "token-1");
        var signed = _scenario.Signed(Unsigned(), temporary);

        var result = _scenario.Verifier.Verify(signed, key => key == "ASIAEXAMPLE" ? temporary : null, Now, Options);

        Assert.True(result.IsValid, result.Failure?.Message);
        Assert.Equal("ASIAEXAMPLE", result.AccessKeyId);
        Assert.Equal(["host", "x-amz-date", "x-amz-security-token"], result.SignedHeaders);
    }
}
