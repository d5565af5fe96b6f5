using System.Net;
using System.Text;
using System.Text.Json;
using Baton.CodePipeline.Json;

namespace Baton.CodePipeline.Client;

/// <summary>
/// Turns an error response into a typed exception, the way the AWS JSON-protocol clients read
/// one: the code is the body's <c>__type</c> without any <c>namespace#</c> prefix or
/// <c>:...</c> suffix, else the <c>x-amzn-ErrorType</c> header, else the HTTP status name; the
/// message is the body's <c>message</c> (or <c>Message</c>), else a description of what came back.
/// </summary>
internal static class ErrorResponseReader
{
    private const string ErrorTypeHeader = "x-amzn-ErrorType";
    private const int MaxBodyBytes = 64 * 1024;
    private const int MaxQuotedChars = 200;

    /// <summary>Reads the response and builds the exception for it.</summary>
    public static async Task<CodePipelineServiceException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBoundedAsync(response.Content, cancellationToken);
        var (type, message) = ParseBody(body);
        type ??= Header(response, ErrorTypeHeader);
        var code = type is null ? null : AwsErrorBody.NormalizeErrorCode(type);
        if (string.IsNullOrEmpty(code))
        {
            code = StatusName(response.StatusCode);
        }

        message ??= DescribeBody(response, body);
        return CodePipelineErrors.Create(code, message, response.StatusCode, Header(response, CodePipelineProtocol.RequestIdHeader));
    }

    private static (string? Type, string? Message) ParseBody(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            return (StringMember(root, "__type"), StringMember(root, "message") ?? StringMember(root, "Message"));
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }

    private static string? StringMember(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string DescribeBody(HttpResponseMessage response, byte[] body)
    {
        var status = $"HTTP {(int)response.StatusCode} ({StatusName(response.StatusCode)})";
        if (body.Length == 0)
        {
            return $"{status} with an empty body.";
        }

        var text = Encoding.UTF8.GetString(body).ReplaceLineEndings(" ").Trim();
        var quoted = text.Length > MaxQuotedChars ? text[..MaxQuotedChars] + "…" : text;
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "no content type";
        return $"{status} with a body that is not an AWS JSON error ({contentType}): {quoted}";
    }

    private static string StatusName(HttpStatusCode status) =>
        Enum.IsDefined(status) ? status.ToString() : ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static async Task<byte[]> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while (buffer.Length < MaxBodyBytes
            && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, MaxBodyBytes - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
