using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Baton.CodePipeline.Signing;

/// <summary>The credential scope of a signature: <c>date/region/service/aws4_request</c>.</summary>
/// <param name="Date">The signing date, <c>yyyyMMdd</c>.</param>
/// <param name="Region">The region, for example <c>us-east-1</c>.</param>
/// <param name="Service">The signing name of the service, for example <c>codepipeline</c> or <c>s3</c>.</param>
/// <param name="Terminator">The terminator; valid only as <c>aws4_request</c>.</param>
public sealed record CredentialScope(string Date, string Region, string Service, string Terminator = SigV4Constants.ScopeTerminator)
{
    /// <summary>Creates the scope of a request signed at <paramref name="time"/>.</summary>
    /// <param name="time">The signing time (converted to UTC).</param>
    /// <param name="region">The region.</param>
    /// <param name="service">The signing name of the service.</param>
    public static CredentialScope For(DateTimeOffset time, string region, string service)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        return new CredentialScope(
            time.UtcDateTime.ToString(SigV4Constants.ScopeDateFormat, CultureInfo.InvariantCulture), region, service);
    }

    /// <summary>
    /// Splits a credential (<c>AKID/date/region/service/aws4_request</c>) into access key id and scope.
    /// </summary>
    /// <param name="credential">The Credential value of an Authorization header or X-Amz-Credential.</param>
    /// <param name="accessKeyId">The access key id.</param>
    /// <param name="scope">The scope.</param>
    /// <returns>False when the credential does not have five non-empty slash-separated parts.</returns>
    public static bool TryParseCredential(
        string? credential,
        [NotNullWhen(true)] out string? accessKeyId,
        [NotNullWhen(true)] out CredentialScope? scope)
    {
        accessKeyId = null;
        scope = null;
        var parts = credential?.Split('/');
        if (parts is not { Length: 5 } || parts.Any(p => p.Length == 0))
        {
            return false;
        }

        accessKeyId = parts[0];
        scope = new CredentialScope(parts[1], parts[2], parts[3], parts[4]);
        return true;
    }

    /// <summary>The scope as it appears in a credential and in the string to sign.</summary>
    public override string ToString() => $"{Date}/{Region}/{Service}/{Terminator}";
}
