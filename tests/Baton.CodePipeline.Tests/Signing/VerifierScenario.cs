using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>A small signed GET (the suite's get-vanilla request) and helpers to sign, alter and verify it.</summary>
internal sealed class VerifierScenario
{
    public static readonly DateTimeOffset Now = new(2015, 8, 30, 12, 36, 0, TimeSpan.Zero);
    public static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    public static readonly SigV4VerifierOptions Options = SigV4VerifierOptions.ForService("service", "us-east-1");

    public SigV4Verifier Verifier { get; } = new();

    public SigV4Signer Signer { get; } = new();

    public SigV4VerificationResult Verify(SigV4Request request) => Verifier.Verify(request, Lookup, Now, Options);

    public static AwsCredentials? Lookup(string accessKeyId) => accessKeyId == Credentials.AccessKeyId ? Credentials : null;

    public static SigV4Request Unsigned() =>
        new("GET", "/", null, [new("Host", "example.amazonaws.com")], SigV4PayloadHash.EmptyBody);

    public SigV4Request Signed(SigV4Request? request = null, AwsCredentials? credentials = null, bool omitToken = false)
    {
        request ??= Unsigned();
        var options = new SigV4SigningOptions { OmitSessionTokenFromSignature = omitToken };
        var result = Signer.Sign(request, credentials ?? Credentials, "us-east-1", "service", Now, options);
        return request.WithHeaders(result.HeadersToAdd);
    }

    public SigV4SigningResult Presign(SigV4Request request, TimeSpan expires) =>
        Signer.Presign(request, Credentials, "us-east-1", "service", Now, expires);

    public static SigV4Request WithHeaders(SigV4Request request, params (string Name, string Value)[] headers) =>
        request.WithHeaders(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)));

    public static SigV4Request WithHeader(SigV4Request request, string name, string? value) =>
        RawHttpRequest.WithHeader(request, name, value);
}
