using Baton.CodePipeline.Signing;
using static Baton.CodePipeline.Tests.Signing.VerifierScenario;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>Requests without an Authorization header: no authentication at all, or presigned in the query string.</summary>
public class SigV4VerifierPresignTests
{
    private readonly VerifierScenario _scenario = new();

    [Fact]
    public void Verify_NoAuthorizationAndNoPresignedQuery_MissingAuthenticationToken()
    {
        var result = _scenario.Verify(Unsigned());

        Assert.Equal(SigV4FailureKind.MissingAuthentication, result.Failure?.Kind);
        Assert.Equal("MissingAuthenticationToken", result.Failure?.Code);
        Assert.Equal("Missing Authentication Token", result.Failure?.Message);
        Assert.Equal("AccessDenied", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_PresignedWithoutSignature_IncompleteSignatureNamingTheParameter()
    {
        var presigned = _scenario.Presign(Unsigned(), TimeSpan.FromMinutes(5));
        var query = string.Join('&', presigned.PresignedQuery!.Split('&').Where(p => !p.StartsWith("X-Amz-Signature=", StringComparison.Ordinal)));

        var result = _scenario.Verify(Unsigned().WithQuery(query));

        Assert.Equal("IncompleteSignature", result.Failure?.Code);
        Assert.Contains("'X-Amz-Signature'", result.Failure?.Message);
        Assert.Equal("AuthorizationQueryParametersError", result.Failure?.S3Code);
    }

    [Fact]
    public void Verify_PresignedForLongerThanAWeek_IncompleteSignature()
    {
        var presigned = _scenario.Presign(Unsigned(), TimeSpan.FromMinutes(5));

        var result = _scenario.Verify(Unsigned().WithQuery(presigned.PresignedQuery!.Replace("X-Amz-Expires=300", "X-Amz-Expires=604801", StringComparison.Ordinal)));

        Assert.Equal("X-Amz-Expires must be less than a week (in seconds) that is 604800", result.Failure?.Message);
    }

    [Fact]
    public void Verify_PresignedAndExpired_PresignedRequestExpired()
    {
        var presigned = _scenario.Presign(Unsigned(), TimeSpan.FromMinutes(5));

        var result = _scenario.Verifier.Verify(Unsigned().WithQuery(presigned.PresignedQuery!), Lookup, Now.AddMinutes(5).AddSeconds(1), Options);

        Assert.Equal(SigV4FailureKind.PresignedRequestExpired, result.Failure?.Kind);
        Assert.Equal("Request has expired", result.Failure?.S3Message);
    }

    [Fact]
    public void Verify_PresignedQueryTampered_SignatureMismatch()
    {
        var presigned = _scenario.Presign(Unsigned().WithQuery("Param1=value1"), TimeSpan.FromMinutes(5));

        var result = _scenario.Verify(Unsigned().WithQuery(presigned.PresignedQuery!.Replace("Param1=value1", "Param1=value2", StringComparison.Ordinal)));

        Assert.Equal(SigV4FailureKind.SignatureMismatch, result.Failure?.Kind);
    }
}
