namespace Baton.CodePipeline.Signing;

/// <summary>
/// An AWS access key pair, optionally with the session token of temporary credentials.
/// <see cref="ToString"/> never shows the secret access key or the session token.
/// </summary>
public sealed record AwsCredentials
{
    /// <summary>Creates credentials.</summary>
    /// <param name="accessKeyId">The access key id, for example <c>AKIAIOSFODNN7EXAMPLE</c>.</param>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="sessionToken">The session token of temporary credentials, or null.</param>
    /// <exception cref="ArgumentException">The access key id or secret is empty.</exception>
    public AwsCredentials(string accessKeyId, string secretAccessKey, string? sessionToken = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessKeyId);
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        AccessKeyId = accessKeyId;
        SecretAccessKey = secretAccessKey;
        SessionToken = string.IsNullOrEmpty(sessionToken) ? null : sessionToken;
    }

    /// <summary>The access key id; public, it travels in every request's credential scope.</summary>
    public string AccessKeyId { get; }

    /// <summary>The secret access key; never logged.</summary>
    public string SecretAccessKey { get; }

    /// <summary>The session token of temporary credentials, or null; never logged.</summary>
    public string? SessionToken { get; }

    /// <summary>Shows the access key id only; the secret and the token are redacted.</summary>
    public override string ToString() =>
        $"AwsCredentials {{ AccessKeyId = {AccessKeyId}, SecretAccessKey = ***, SessionToken = {(SessionToken is null ? "(none)" : "***")} }}";
}
