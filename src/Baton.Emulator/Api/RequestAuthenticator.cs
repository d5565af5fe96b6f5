using System.Net;
using Baton.CodePipeline;
using Baton.CodePipeline.Signing;
using Baton.Emulator.Hosting;
using Microsoft.AspNetCore.Http.Features;

namespace Baton.Emulator.Api;

/// <summary>
/// Checks the SigV4 signature of a CodePipeline request against the emulator's one credential
/// pair (<c>--access-key</c>/<c>--secret-key</c>). Any session token is accepted with that key.
/// With <c>--auth none</c> every request passes.
/// </summary>
internal sealed class RequestAuthenticator(EmulatorOptions options, TimeProvider time)
{
    private readonly SigV4Verifier _verifier = new();
    private readonly SigV4VerifierOptions _verifierOptions = SigV4VerifierOptions.ForService(CodePipelineProtocol.SigningName, options.Region);

    /// <summary>Returns the error to answer, or null when the request may proceed.</summary>
    public ApiError? Authenticate(HttpContext context, byte[] body)
    {
        if (options.Auth == EmulatorAuthMode.None)
        {
            return null;
        }

        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? (request.Path + request.QueryString).ToString();
        var headers = request.Headers.SelectMany(h => h.Value.Select(v => new KeyValuePair<string, string>(h.Key, v ?? string.Empty)));
        var payloadHash = request.Headers["x-amz-content-sha256"].FirstOrDefault() is { } declared && SigV4PayloadHash.IsLiteral(declared)
            ? declared
            : SigV4PayloadHash.Compute(body);
        var signed = SigV4Request.FromRawTarget(request.Method, rawTarget, headers, payloadHash);
        var sessionToken = request.Headers["X-Amz-Security-Token"].FirstOrDefault();
        var result = _verifier.Verify(
            signed,
            accessKey => accessKey == options.AccessKey ? new AwsCredentials(options.AccessKey, options.SecretKey, sessionToken) : null,
            time.GetUtcNow(),
            _verifierOptions);
        if (result.IsValid)
        {
            return null;
        }

        var failure = result.Failure;
        var status = failure.Kind switch
        {
            SigV4FailureKind.MissingAuthentication or SigV4FailureKind.UnknownAccessKey or SigV4FailureKind.InvalidSecurityToken
                or SigV4FailureKind.SignatureMismatch or SigV4FailureKind.WrongScope or SigV4FailureKind.RequestTimeSkewed
                or SigV4FailureKind.PresignedRequestExpired => HttpStatusCode.Forbidden,
            _ => HttpStatusCode.BadRequest,
        };
        var message = failure.Kind == SigV4FailureKind.UnknownAccessKey
            ? $"The security token included in the request is invalid: this emulator accepts access key '{options.AccessKey}' (set with --access-key)."
            : failure.Message;
        return new ApiError(status, failure.Code, message);
    }
}
