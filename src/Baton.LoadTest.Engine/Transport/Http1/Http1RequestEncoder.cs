using System.Globalization;
using System.Text;
using Baton.LoadTest.Engine.Plan;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>Encodes the request for one target once, so each send writes a ready byte array.</summary>
internal static class Http1RequestEncoder
{
    public static byte[] Encode(LoadTestRequest request, Uri url)
    {
        var head = new StringBuilder(256);
        head.Append(request.Method).Append(' ').Append(url.PathAndQuery).Append(" HTTP/1.1\r\n");
        head.Append("Host: ").Append(url.Authority).Append("\r\n");
        var hasUserAgent = false;
        foreach (var (name, value) in request.Headers)
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            hasUserAgent |= name.Equals("User-Agent", StringComparison.OrdinalIgnoreCase);
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }

        if (!hasUserAgent)
        {
            head.Append("User-Agent: Baton-LoadTest\r\n");
        }

        if (!request.Body.IsEmpty || MethodExpectsBody(request.Method))
        {
            head.Append("Content-Length: ").Append(request.Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        }

        head.Append("\r\n");
        var headBytes = Encoding.Latin1.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + request.Body.Length];
        headBytes.CopyTo(bytes, 0);
        request.Body.Span.CopyTo(bytes.AsSpan(headBytes.Length));
        return bytes;
    }

    private static bool MethodExpectsBody(string method) =>
        method is "POST" or "PUT" or "PATCH";
}
