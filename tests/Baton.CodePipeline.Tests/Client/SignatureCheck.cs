using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>Verifies a captured request's SigV4 signature with Baton's verifier.</summary>
internal static class SignatureCheck
{
    private static readonly SigV4Verifier _verifier = new();

    public static SigV4VerificationResult Verify(
        CapturedRequest request, DateTimeOffset now, string region, params AwsCredentials[] known) =>
        Verify(request.Method, request.RawTarget, request.Headers, request.Body, now, region, known);

    public static SigV4VerificationResult Verify(
        string method,
        string rawTarget,
        IEnumerable<KeyValuePair<string, string>> headers,
        byte[] body,
        DateTimeOffset now,
        string region,
        params AwsCredentials[] known)
    {
        var request = SigV4Request.FromRawTarget(method, rawTarget, headers, SigV4PayloadHash.Compute(body));
        return _verifier.Verify(
            request,
            accessKeyId => known.FirstOrDefault(c => c.AccessKeyId == accessKeyId),
            now,
            SigV4VerifierOptions.ForService(CodePipelineProtocol.SigningName, region));
    }
}
