using System.Diagnostics.CodeAnalysis;

namespace Baton.CodePipeline.Signing;

/// <summary>
/// The parts of an <c>Authorization: AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…</c> header.
/// </summary>
/// <param name="AccessKeyId">The access key id of the Credential.</param>
/// <param name="Scope">The credential scope.</param>
/// <param name="SignedHeaders">The signed header names, lowercase, in the order given.</param>
/// <param name="Signature">The hex signature.</param>
public sealed record RequestSignature(
    string AccessKeyId,
    CredentialScope Scope,
    IReadOnlyList<string> SignedHeaders,
    string Signature)
{
    private const string CredentialKey = "Credential";
    private const string SignedHeadersKey = "SignedHeaders";
    private const string SignatureKey = "Signature";

    /// <summary>Formats the Authorization header value.</summary>
    public string ToAuthorizationHeader() =>
        $"{SigV4Constants.Algorithm} {CredentialKey}={AccessKeyId}/{Scope}, {SignedHeadersKey}={string.Join(';', SignedHeaders)}, {SignatureKey}={Signature}";

    /// <summary>Parses an Authorization header value.</summary>
    /// <param name="authorization">The header value.</param>
    /// <exception cref="FormatException">The value is not a SigV4 Authorization header; the message says why.</exception>
    public static RequestSignature Parse(string authorization) =>
        TryParse(authorization, out var signature, out var error) ? signature : throw new FormatException(error);

    /// <summary>
    /// Parses an Authorization header value. On failure <paramref name="error"/> names every missing or
    /// malformed part the way AWS does (for example "Authorization header requires 'Credential' parameter.").
    /// </summary>
    /// <param name="authorization">The header value.</param>
    /// <param name="signature">The parsed signature.</param>
    /// <param name="error">What is wrong, without the trailing <c>Authorization=…</c> echo.</param>
    public static bool TryParse(
        string? authorization,
        [NotNullWhen(true)] out RequestSignature? signature,
        [NotNullWhen(false)] out string? error)
    {
        signature = null;
        var value = authorization?.Trim() ?? string.Empty;
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.StartsWith(SigV4Constants.Algorithm + " ", StringComparison.Ordinal))
        {
            // Like AWS, commas and spaces both separate the pairs: a stray space inside a value is an error.
            foreach (var part in value[(SigV4Constants.Algorithm.Length + 1)..].Split([',', ' '], StringSplitOptions.RemoveEmptyEntries))
            {
                var equals = part.IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    error = $"'{part}' not a valid key=value pair (missing equal-sign) in Authorization header: '{value}'.";
                    return false;
                }

                parameters.TryAdd(part[..equals], part[(equals + 1)..]);
            }
        }

        var missing = new[] { CredentialKey, SignatureKey, SignedHeadersKey }
            .Where(key => !parameters.TryGetValue(key, out var v) || v.Length == 0)
            .Select(key => $"Authorization header requires '{key}' parameter.")
            .ToList();
        if (missing.Count > 0)
        {
            error = string.Join(' ', missing);
            return false;
        }

        if (!CredentialScope.TryParseCredential(parameters[CredentialKey], out var accessKeyId, out var scope))
        {
            error = $"Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{parameters[CredentialKey]}'.";
            return false;
        }

        signature = new RequestSignature(accessKeyId, scope, ParseSignedHeaders(parameters[SignedHeadersKey]), parameters[SignatureKey]);
        error = null;
        return true;
    }

    /// <summary>Splits a SignedHeaders value (<c>host;x-amz-date</c>) into lowercase names.</summary>
    /// <param name="signedHeaders">The semicolon-separated names.</param>
    public static IReadOnlyList<string> ParseSignedHeaders(string signedHeaders)
    {
        ArgumentNullException.ThrowIfNull(signedHeaders);
        return [.. signedHeaders.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(h => h.ToLowerInvariant())];
    }
}
