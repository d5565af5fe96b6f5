using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Every case of the AWS SigV4 test suite, signed by header and by query, then verified.</summary>
public class SigV4TestSuiteTests
{
    private readonly SigV4Signer _signer = new();
    private readonly SigV4Verifier _verifier = new();

    public static TheoryData<string> Cases => SigV4TestSuite.CaseNames();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_SuiteCase_MatchesHeaderCanonicalRequestStringToSignAndSignature(string name)
    {
        var vector = SigV4TestSuite.Load(name);

        var result = _signer.Sign(
            vector.ReadRequest(), vector.Credentials, vector.Region, vector.Service, vector.Time, vector.Options);

        Assert.Equal(vector.Expected("header-canonical-request.txt"), result.CanonicalRequest);
        Assert.Equal(vector.Expected("header-string-to-sign.txt"), result.StringToSign);
        Assert.Equal(vector.Expected("header-signature.txt"), result.Signature);
        Assert.Equal(
            Authorization(vector.Expected("header-signed-request.txt")),
            result.HeadersToAdd.Single(h => h.Key == SigV4Constants.AuthorizationHeader).Value);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Presign_SuiteCase_MatchesQueryCanonicalRequestStringToSignAndSignature(string name)
    {
        var vector = SigV4TestSuite.Load(name);

        var result = _signer.Presign(
            vector.ReadRequest(), vector.Credentials, vector.Region, vector.Service, vector.Time,
            TimeSpan.FromSeconds(vector.ExpirationSeconds), vector.Options);

        Assert.Equal(vector.Expected("query-canonical-request.txt"), result.CanonicalRequest);
        Assert.Equal(vector.Expected("query-string-to-sign.txt"), result.StringToSign);
        Assert.Equal(vector.Expected("query-signature.txt"), result.Signature);
        var expectedQuery = vector.ReadRequest("query-signed-request.txt").QueryParameters;
        Assert.Equal(
            expectedQuery.Select(p => p.RawName + "=" + p.RawValue).Order(StringComparer.Ordinal),
            SigV4QueryParameter.Parse(result.PresignedQuery!).Select(p => p.RawName + "=" + p.RawValue).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_HeaderSignedSuiteRequest_Accepts(string name)
    {
        var vector = SigV4TestSuite.Load(name);

        var result = _verifier.Verify(
            vector.ReadRequest("header-signed-request.txt"), vector.Lookup, vector.Time, vector.VerifierOptions);

        Assert.True(result.IsValid, result.Failure?.ToString());
        Assert.Equal(vector.Credentials.AccessKeyId, result.AccessKeyId);
        Assert.Equal(vector.Region, result.Scope.Region);
        Assert.Equal(vector.Service, result.Scope.Service);
        Assert.Contains("host", result.SignedHeaders);
        Assert.False(result.IsPresigned);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Verify_QuerySignedSuiteRequest_AcceptsUntilItExpires(string name)
    {
        var vector = SigV4TestSuite.Load(name);
        var request = vector.ReadRequest("query-signed-request.txt");
        var lastValidMoment = vector.Time.AddSeconds(vector.ExpirationSeconds);

        var valid = _verifier.Verify(request, vector.Lookup, lastValidMoment, vector.VerifierOptions);
        var expired = _verifier.Verify(request, vector.Lookup, lastValidMoment.AddSeconds(1), vector.VerifierOptions);

        Assert.True(valid.IsValid, valid.Failure?.ToString());
        Assert.True(valid.IsPresigned);
        Assert.Equal(SigV4FailureKind.PresignedRequestExpired, expired.Failure?.Kind);
        Assert.Equal(SigV4ErrorCodes.S3AccessDenied, expired.Failure?.S3Code);
    }

    public static TheoryData<string, string> CasesAndTampering()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in SigV4TestSuite.Names())
        {
            foreach (var tampering in new[] { "header-value", "body", "path", "date", "secret" })
            {
                data.Add(name, tampering);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CasesAndTampering))]
    public void Verify_TamperedSuiteRequest_RejectsAsSignatureMismatch(string name, string tampering)
    {
        var vector = SigV4TestSuite.Load(name);
        var request = vector.ReadRequest("header-signed-request.txt");
        Func<string, AwsCredentials?> lookup = vector.Lookup;
        switch (tampering)
        {
            case "header-value":
                var signedHeaders = RequestSignature.Parse(request.GetHeader("Authorization")!).SignedHeaders;
                var target = signedHeaders.FirstOrDefault(h => h is not "host" and not "x-amz-date" and not "x-amz-security-token") ?? "host";
                var original = request.GetHeader(target)!.TrimEnd();
                request = RawHttpRequest.WithHeader(request, target, original[..^1] + (char)(original[^1] ^ 1));
                break;
            case "body":
                request = RawHttpRequest.WithBody(request, "Param1=value2");
                break;
            case "path":
                request = new SigV4Request(request.Method, request.RawPath + "x", request.RawQuery, request.Headers, request.PayloadHash);
                break;
            case "date":
                request = RawHttpRequest.WithHeader(request, "X-Amz-Date", SigV4Signer.FormatAmzDate(vector.Time.AddSeconds(1)));
                break;
            case "secret":
                lookup = key => new AwsCredentials(key, vector.Credentials.SecretAccessKey + "x", vector.Credentials.SessionToken);
                break;
        }

        var result = _verifier.Verify(request, lookup, vector.Time, vector.VerifierOptions);

        Assert.Equal(SigV4FailureKind.SignatureMismatch, result.Failure?.Kind);
        Assert.Equal(SigV4ErrorCodes.InvalidSignature, result.Failure?.Code);
        Assert.Equal(SigV4ErrorCodes.S3SignatureDoesNotMatch, result.Failure?.S3Code);
    }

    private static string Authorization(string signedRequest) =>
        signedRequest.Split('\n').Single(l => l.StartsWith("Authorization:", StringComparison.Ordinal))["Authorization:".Length..];
}
