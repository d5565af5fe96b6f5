using System.Buffers.Text;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// Parses one HTTP/1.1 response incrementally from whatever bytes have arrived so far, for the
/// event loop (which cannot wait in the middle of a parse): interim 1xx heads are skipped, the
/// body (Content-Length, chunked or until close) is consumed and discarded. Call
/// <see cref="Reset"/> before each response, then <see cref="Advance"/> after every receive.
/// </summary>
internal sealed class Http1ResponseReader
{
    private const int MaxLineLength = 8 * 1024;
    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private Phase _phase;
    private long _remaining;
    private bool _isHead;

    private enum Phase
    {
        Head,
        Length,
        UntilClose,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        Done,
    }

    /// <summary>The status of the final response once its head has arrived.</summary>
    public int Status { get; private set; }

    /// <summary>Whether the connection may carry another request after this response.</summary>
    public bool KeepAlive { get; private set; }

    /// <summary>Whether the body runs until the server closes the connection.</summary>
    public bool ReadsUntilClose => _phase == Phase.UntilClose;

    public void Reset(bool isHeadRequest)
    {
        _phase = Phase.Head;
        _isHead = isHeadRequest;
        _remaining = 0;
        Status = 0;
        KeepAlive = false;
    }

    /// <summary>Consumes as much of <paramref name="data"/> as the response allows.</summary>
    /// <param name="data">The unread bytes.</param>
    /// <param name="consumed">How many of them belong to this response.</param>
    /// <returns>Whether the response is complete.</returns>
    /// <exception cref="Http1ProtocolException">The bytes are not a valid response.</exception>
    public bool Advance(ReadOnlySpan<byte> data, out int consumed)
    {
        consumed = 0;
        while (true)
        {
            var rest = data[consumed..];
            switch (_phase)
            {
                case Phase.Done:
                    return true;
                case Phase.Head:
                    var end = rest.IndexOf(HeadEnd);
                    if (end < 0)
                    {
                        return rest.Length >= 32 * 1024 ? throw new Http1ProtocolException("The response head is larger than 32768 bytes.") : false;
                    }

                    consumed += end + HeadEnd.Length;
                    StartBody(Http1ResponseHead.Parse(rest[..end]));
                    break;
                case Phase.Length or Phase.ChunkData:
                    var take = (int)Math.Min(_remaining, rest.Length);
                    consumed += take;
                    _remaining -= take;
                    if (_remaining > 0)
                    {
                        return false;
                    }

                    _phase = _phase == Phase.Length ? Phase.Done : Phase.ChunkEnd;
                    break;
                case Phase.UntilClose:
                    consumed += rest.Length;
                    return false;
                case Phase.ChunkEnd:
                    if (rest.Length < 2)
                    {
                        return false;
                    }

                    _phase = rest.StartsWith(Crlf) ? Phase.ChunkSize : throw new Http1ProtocolException("A chunk is not followed by CRLF.");
                    consumed += 2;
                    break;
                case Phase.ChunkSize or Phase.Trailers:
                    var lineEnd = rest.IndexOf(Crlf);
                    if (lineEnd < 0)
                    {
                        return rest.Length > MaxLineLength ? throw new Http1ProtocolException("A chunk-size line is too long.") : false;
                    }

                    consumed += lineEnd + Crlf.Length;
                    if (_phase == Phase.Trailers)
                    {
                        _phase = lineEnd == 0 ? Phase.Done : Phase.Trailers;
                    }
                    else
                    {
                        _remaining = ParseChunkSize(rest[..lineEnd]);
                        _phase = _remaining == 0 ? Phase.Trailers : Phase.ChunkData;
                    }

                    break;
            }
        }
    }

    private void StartBody(Http1ResponseHead head)
    {
        if (head.Status == 101)
        {
            throw new Http1ProtocolException("The server switched protocols (101), which was not asked for.");
        }

        if (head.Status < 200)
        {
            return; // an interim response: the real head follows
        }

        Status = head.Status;
        KeepAlive = head.KeepAlive;
        if (head.HasNoBody(_isHead))
        {
            _phase = Phase.Done;
        }
        else if (head.Chunked)
        {
            _phase = Phase.ChunkSize;
        }
        else if (head.ContentLength >= 0)
        {
            _remaining = head.ContentLength;
            _phase = _remaining == 0 ? Phase.Done : Phase.Length;
        }
        else
        {
            KeepAlive = false;
            _phase = Phase.UntilClose;
        }
    }

    /// <summary>Reads a chunk-size line's hexadecimal size, ignoring chunk extensions (shared with <see cref="Http1Connection"/>).</summary>
    internal static long ParseChunkSize(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOfAny((byte)';', (byte)' ', (byte)'\t');
        var digits = end < 0 ? line : line[..end];
        if (digits.IsEmpty || digits.Length > 15 || !Utf8Parser.TryParse(digits, out long size, out var used, 'x') || used != digits.Length)
        {
            throw new Http1ProtocolException("A chunk size is not a hexadecimal number.");
        }

        return size;
    }
}
