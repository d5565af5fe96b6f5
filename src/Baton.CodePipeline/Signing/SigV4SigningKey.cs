using System.Security.Cryptography;
using System.Text;

namespace Baton.CodePipeline.Signing;

/// <summary>The SigV4 key derivation and the final HMAC, for callers that sign pieces themselves.</summary>
public static class SigV4SigningKey
{
    /// <summary>
    /// Derives the signing key: HMAC chain of "AWS4"+secret over date, region, service and <c>aws4_request</c>.
    /// </summary>
    /// <param name="secretAccessKey">The secret access key.</param>
    /// <param name="scope">The credential scope.</param>
    public static byte[] Derive(string secretAccessKey, CredentialScope scope)
    {
        ArgumentException.ThrowIfNullOrEmpty(secretAccessKey);
        ArgumentNullException.ThrowIfNull(scope);
        var key = Encoding.UTF8.GetBytes("AWS4" + secretAccessKey);
        key = Hmac(key, scope.Date);
        key = Hmac(key, scope.Region);
        key = Hmac(key, scope.Service);
        return Hmac(key, scope.Terminator);
    }

    /// <summary>Returns the lowercase hex HMAC-SHA256 of <paramref name="stringToSign"/> under the signing key.</summary>
    /// <param name="signingKey">A key from <see cref="Derive"/>.</param>
    /// <param name="stringToSign">The string to sign.</param>
    public static string Sign(ReadOnlySpan<byte> signingKey, string stringToSign)
    {
        ArgumentNullException.ThrowIfNull(stringToSign);
        return Convert.ToHexStringLower(HMACSHA256.HashData(signingKey, Encoding.UTF8.GetBytes(stringToSign)));
    }

    /// <summary>Builds the string to sign of a request: algorithm, time, scope, hash of the canonical request.</summary>
    /// <param name="amzDate">The request time, <c>yyyyMMddTHHmmssZ</c>.</param>
    /// <param name="scope">The credential scope.</param>
    /// <param name="canonicalRequest">The canonical request.</param>
    public static string StringToSign(string amzDate, CredentialScope scope, string canonicalRequest)
    {
        ArgumentNullException.ThrowIfNull(canonicalRequest);
        return $"{SigV4Constants.Algorithm}\n{amzDate}\n{scope}\n{SigV4PayloadHash.Compute(Encoding.UTF8.GetBytes(canonicalRequest))}";
    }

    /// <summary>Compares two hex signatures in constant time (for equal lengths).</summary>
    /// <param name="expected">The signature computed here.</param>
    /// <param name="provided">The signature the request carried.</param>
    public static bool SignaturesEqual(string expected, string? provided) =>
        provided is not null && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(provided));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
