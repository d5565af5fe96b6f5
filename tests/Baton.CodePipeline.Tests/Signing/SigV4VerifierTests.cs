using Baton.CodePipeline.Signing;
using static Baton.CodePipeline.Tests.Signing.VerifierScenario;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Refusals of the Authorization header itself: missing, malformed, wrong scope, wrong time; AWS wording.</summary>
public class SigV4VerifierTests
{
    private readonly VerifierScenario _scenario = new();

    [Fact]
    public void Verify_AuthorizationWithoutCredential_IncompleteSignatureNamingTheMissingPart()
    {
        const string authorization = "AWS4-HMAC-SHA256 SignedHeaders=host;x-amz-date, Signature=abc";
        var result = _scenario.Verify(WithHeaders(Unsigned(), ("X-Amz-Date", "20150830T123600Z"), ("Authorization", authorization)));

        Assert.Equal("IncompleteSignature", result.Failure?.Code);
        Assert.Equal($"Authorization header requires 'Credential' parameter. Authorization={authorization}", result.Failure?.Message);
        Assert.Equal("AuthorizationHeaderMalformed", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_BasicAuthorizationWithoutDate_IncompleteSignatureListsEverythingMissing()
    {
        var result = _scenario.Verify(WithHeaders(Unsigned(), ("Authorization", "Basic dXNlcjpwYXNz")));

        Assert.Equal(SigV4FailureKind.IncompleteSignature, result.Failure?.Kind);
        Assert.Equal(
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. " +
            "Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a " +
            "'X-Amz-Date' or a 'Date' header. Authorization=Basic dXNlcjpwYXNz",
            result.Failure?.Message);
    }

    [Fact]
    public void Verify_CredentialWithSpaceBeforeScope_IncompleteSignatureMissingEqualSign()
    {
        const string authorization =
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE /20150830/us-east-1/service/aws4_request, SignedHeaders=host, Signature=abc";
        var result = _scenario.Verify(WithHeaders(Unsigned(), ("X-Amz-Date", "20150830T123600Z"), ("Authorization", authorization)));

        Assert.Equal("IncompleteSignature", result.Failure?.Code);
        Assert.StartsWith("'/20150830/us-east-1/service/aws4_request' not a valid key=value pair (missing equal-sign)", result.Failure?.Message);
    }

    [Fact]
    public void Verify_MalformedAmzDate_IncompleteSignatureQuotingTheDate()
    {
        var signed = WithHeader(_scenario.Signed(), "X-Amz-Date", "2015-08-30T12:36:00Z");

        var result = _scenario.Verify(signed);

        Assert.Equal("IncompleteSignature", result.Failure?.Code);
        Assert.Contains("Got '2015-08-30T12:36:00Z'", result.Failure?.Message);
    }

    [Fact]
    public void Verify_ScopedToAnotherService_InvalidSignatureNamingTheExpectedService()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now, SigV4VerifierOptions.ForService("codepipeline", "us-east-1"));

        Assert.Equal(SigV4FailureKind.WrongScope, result.Failure?.Kind);
        Assert.Equal("InvalidSignatureException", result.Failure?.Code);
        Assert.Equal("Credential should be scoped to correct service: 'codepipeline'. ", result.Failure?.Message);
    }

    [Fact]
    public void Verify_ScopedToAnotherRegion_InvalidSignatureNamingTheRegionUsed()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now, SigV4VerifierOptions.ForService("service", "eu-west-1"));

        Assert.Equal(SigV4FailureKind.WrongScope, result.Failure?.Kind);
        Assert.Equal("Credential should be scoped to a valid region, not 'us-east-1'. ", result.Failure?.Message);
        Assert.Equal("AuthorizationHeaderMalformed", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_AnyRegionAllowed_AcceptsTheRequestsRegion()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now, SigV4VerifierOptions.ForService("service", region: null));

        Assert.True(result.IsValid, result.Failure?.Message);
        Assert.Equal("us-east-1", result.Scope.Region);
    }

    [Fact]
    public void Verify_ScopeDateDiffersFromAmzDate_InvalidSignature()
    {
        var signed = WithHeader(_scenario.Signed(), "X-Amz-Date", "20150831T000100Z");

        var result = _scenario.Verifier.Verify(signed, Lookup, new DateTimeOffset(2015, 8, 31, 0, 1, 0, TimeSpan.Zero), Options);

        Assert.Equal(SigV4FailureKind.WrongScope, result.Failure?.Kind);
        Assert.StartsWith("Date in Credential scope does not match YYYYMMDD", result.Failure?.Message);
    }

    [Fact]
    public void Verify_SignedMoreThanFifteenMinutesAgo_SignatureExpired()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now.AddMinutes(16), Options);

        Assert.Equal(SigV4FailureKind.RequestTimeSkewed, result.Failure?.Kind);
        Assert.Equal("InvalidSignatureException", result.Failure?.Code);
        Assert.Equal(
            "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)",
            result.Failure?.Message);
        Assert.Equal("RequestTimeTooSkewed", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_SignedMoreThanFifteenMinutesAhead_SignatureNotYetCurrent()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now.AddMinutes(-16), Options);

        Assert.Equal(SigV4FailureKind.RequestTimeSkewed, result.Failure?.Kind);
        Assert.Equal(
            "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)",
            result.Failure?.Message);
    }

    [Fact]
    public void Verify_SignedFifteenMinutesAgoExactly_Accepts()
    {
        Assert.True(_scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now.AddMinutes(15), Options).IsValid);
    }

    [Fact]
    public void Verify_CustomClockSkew_UsesItInTheMessage()
    {
        var result = _scenario.Verifier.Verify(_scenario.Signed(), Lookup, Now.AddMinutes(6), Options with { MaxClockSkew = TimeSpan.FromMinutes(5) });

        Assert.EndsWith("(20150830T124200Z - 5 min.)", result.Failure?.Message);
    }

    [Fact]
    public void Verify_DateHeaderInsteadOfAmzDate_UsesItAsTheRequestTime()
    {
        var request = WithHeaders(Unsigned(), ("Date", "Sun, 30 Aug 2015 12:36:00 GMT"));
        var scope = CredentialScope.For(Now, "us-east-1", "service");
        var canonical = CanonicalRequest.Build(request, ["date", "host"], SigV4SigningOptions.Default);
        var signature = SigV4SigningKey.Sign(
            SigV4SigningKey.Derive(Credentials.SecretAccessKey, scope),
            SigV4SigningKey.StringToSign("20150830T123600Z", scope, canonical));
        var authorization = new RequestSignature(Credentials.AccessKeyId, scope, ["date", "host"], signature).ToAuthorizationHeader();

        var accepted = _scenario.Verify(WithHeaders(request, ("Authorization", authorization)));
        var expired = _scenario.Verifier.Verify(WithHeaders(request, ("Authorization", authorization)), Lookup, Now.AddHours(1), Options);

        Assert.True(accepted.IsValid, accepted.Failure?.Message);
        Assert.Equal("20150830T123600Z", accepted.AmzDate);
        Assert.Equal(SigV4FailureKind.RequestTimeSkewed, expired.Failure?.Kind);
    }
}
