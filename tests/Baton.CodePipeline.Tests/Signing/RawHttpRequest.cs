using System.Text;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>
/// Parses the suite's raw HTTP/1.1 requests. Quirks: the request target may contain spaces and raw
/// UTF-8 (it ends at the last " HTTP/"), a line starting with whitespace continues the previous
/// header value (obsolete line folding), and header values keep their spaces after the colon.
/// </summary>
internal static class RawHttpRequest
{
    public static SigV4Request Parse(string text)
    {
        var (head, body) = Split(text);
        var lines = head.Split('\n');
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var versionAt = requestLine.LastIndexOf(" HTTP/", StringComparison.Ordinal);
        var target = requestLine[(method.Length + 1)..versionAt];

        var headers = new List<KeyValuePair<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            if (line[0] is ' ' or '\t')
            {
                var last = headers[^1];
                headers[^1] = new(last.Key, last.Value + "\n" + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add(new(line[..colon], line[(colon + 1)..]));
        }

        return SigV4Request.FromRawTarget(method, target, headers, SigV4PayloadHash.Compute(Encoding.UTF8.GetBytes(body)));
    }

    /// <summary>Returns the request with another body (the payload hash follows it).</summary>
    public static SigV4Request WithBody(SigV4Request request, string body) =>
        new(request.Method, request.RawPath, request.RawQuery, request.Headers, SigV4PayloadHash.Compute(Encoding.UTF8.GetBytes(body)));

    /// <summary>Returns the request with one header's values replaced (or removed when null).</summary>
    public static SigV4Request WithHeader(SigV4Request request, string name, string? value)
    {
        var kept = request.Headers.Where(h => !string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).ToList();
        if (value is not null)
        {
            kept.Add(new(name, value));
        }

        return new SigV4Request(request.Method, request.RawPath, request.RawQuery, kept, request.PayloadHash);
    }

    private static (string Head, string Body) Split(string text)
    {
        var blank = text.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (text.TrimEnd('\n'), string.Empty) : (text[..blank], text[(blank + 2)..]);
    }
}
