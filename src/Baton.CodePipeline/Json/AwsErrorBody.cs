using System.Text.Json.Serialization;

namespace Baton.CodePipeline.Json;

/// <summary>
/// The body of a CodePipeline error response: <c>{"__type": "JobNotFoundException", "message": "..."}</c>.
/// Reading also accepts <c>Message</c>, which some AWS services send instead of <c>message</c>.
/// </summary>
[JsonConverter(typeof(AwsErrorBodyConverter))]
public sealed record AwsErrorBody
{
    /// <summary>The error type, possibly with a namespace prefix (<c>com.amazonaws.codepipeline#</c>) or a <c>:</c> suffix.</summary>
    public string? Type { get; init; }

    /// <summary>The service's message.</summary>
    public string? Message { get; init; }

    /// <summary>The error code: <see cref="Type"/> without prefix or suffix, or <see langword="null"/> when there is none.</summary>
    public string? ErrorCode => Type is null ? null : NormalizeErrorCode(Type) is { Length: > 0 } code ? code : null;

    /// <summary>
    /// Removes a namespace prefix (everything up to the last <c>#</c>) and a suffix (everything
    /// from the first <c>:</c>) from an error type, as the AWS SDKs do:
    /// <c>com.amazonaws.codepipeline#JobNotFoundException:http://...</c> → <c>JobNotFoundException</c>.
    /// </summary>
    /// <param name="type">The body's <c>__type</c> or an <c>x-amzn-ErrorType</c> header.</param>
    /// <returns>The bare error code (empty when <paramref name="type"/> holds none).</returns>
    public static string NormalizeErrorCode(string type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var code = type.AsSpan().Trim();
        var colon = code.IndexOf(':');
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        if (hash >= 0)
        {
            code = code[(hash + 1)..];
        }

        return code.Trim().ToString();
    }
}
