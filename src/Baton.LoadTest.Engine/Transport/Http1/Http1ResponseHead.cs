using System.Buffers.Text;
using System.Text;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// The parsed status line and the headers that decide framing: status, Content-Length,
/// chunked transfer coding, and whether the connection stays open afterwards.
/// </summary>
internal readonly record struct Http1ResponseHead(int Status, long ContentLength, bool Chunked, bool KeepAlive)
{
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    /// <summary>Parses a head (status line and header lines, without the final empty line).</summary>
    public static Http1ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf(Crlf);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || !char.IsAsciiDigit((char)statusLine[7])
            || statusLine[8] != (byte)' ' || (statusLine.Length > 12 && statusLine[12] != (byte)' ')
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out var used) || used != 3 || status < 100)
        {
            throw new Http1ProtocolException("The status line is not 'HTTP/1.x NNN reason'.");
        }

        var keepAlive = statusLine[7] == (byte)'1';
        long contentLength = -1;
        var chunked = false;
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf(Crlf);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0 || line[0] is (byte)' ' or (byte)'\t' || line[colon - 1] is (byte)' ' or (byte)'\t')
            {
                throw new Http1ProtocolException("A header line is not 'name: value'.");
            }

            var name = line[..colon];
            var value = line[(colon + 1)..].Trim(" \t"u8);
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (!Utf8Parser.TryParse(value, out long length, out var consumed) || consumed != value.Length || length < 0
                    || (contentLength >= 0 && contentLength != length))
                {
                    throw new Http1ProtocolException("The Content-Length header is not one non-negative number.");
                }

                contentLength = length;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                var lastComma = value.LastIndexOf((byte)',');
                var last = (lastComma < 0 ? value : value[(lastComma + 1)..]).Trim(" \t"u8);
                chunked = Ascii.EqualsIgnoreCase(last, "chunked"u8);
                keepAlive &= chunked; // a body framed only by the connection closing
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                keepAlive = HasToken(value, "keep-alive"u8) || (keepAlive && !HasToken(value, "close"u8));
            }
        }

        return new Http1ResponseHead(status, chunked ? -1 : contentLength, chunked, keepAlive);
    }

    /// <summary>Whether the response has no body whatever its headers say (RFC 9112 §6.3).</summary>
    public bool HasNoBody(bool isHeadRequest) => isHeadRequest || Status is 204 or 304 || Status < 200;

    /// <summary>Whether the body runs until the server closes the connection.</summary>
    public bool BodyUntilClose => !Chunked && ContentLength < 0;

    private static bool HasToken(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
    {
        foreach (var range in value.Split((byte)','))
        {
            if (Ascii.EqualsIgnoreCase(value[range].Trim(" \t"u8), token))
            {
                return true;
            }
        }

        return false;
    }
}
