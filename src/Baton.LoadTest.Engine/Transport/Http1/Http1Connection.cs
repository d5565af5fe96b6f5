using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// One keep-alive HTTP/1.1 connection: writes a pre-encoded request and reads exactly one
/// response (status line, headers, then a Content-Length, chunked or read-to-close body) into a
/// reused buffer, discarding the body. No pipelining: one request at a time. Timeouts are
/// enforced from outside: the watchdog sets <see cref="TimedOut"/> and disposes the socket.
/// </summary>
internal sealed class Http1Connection(EndPoint endPoint) : IDisposable
{
    private const int BufferSize = 32 * 1024;
    private const int MaxLineLength = 8 * 1024;
    private static ReadOnlySpan<byte> HeadEnd => "\r\n\r\n"u8;
    private static ReadOnlySpan<byte> Crlf => "\r\n"u8;

    private readonly byte[] _buffer = new byte[BufferSize];
    private Socket? _socket;
    private int _start;
    private int _end;
    private long _received;
    private long _deadline;
    private volatile bool _timedOut;

    /// <summary>How many responses this connection has completed; above 0 means the connection was reused.</summary>
    public int Served { get; private set; }

    /// <summary>Bytes of the current response read so far.</summary>
    public long ReceivedThisResponse => _received;

    /// <summary>Set by the watchdog when the deadline passed; the socket is then closed.</summary>
    public bool TimedOut => _timedOut;

    /// <summary>The timestamp after which the current exchange times out; 0 while idle.</summary>
    public long Deadline
    {
        get => Volatile.Read(ref _deadline);
        set => Volatile.Write(ref _deadline, value);
    }

    public void MarkTimedOutAndClose()
    {
        _timedOut = true;
        _socket?.Dispose();
    }

    public async ValueTask ConnectIfNeededAsync(CancellationToken cancellationToken)
    {
        if (_socket is not null)
        {
            return;
        }

        var socket = endPoint is IPEndPoint ip
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        socket.NoDelay = true;
        _socket = socket;
        if (_timedOut)
        {
            socket.Dispose();
        }

        await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the request and reads the whole response.</summary>
    /// <returns>The status and whether the connection can carry another request.</returns>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<(int Status, bool KeepAlive)> ExchangeAsync(ReadOnlyMemory<byte> request, bool isHead, CancellationToken cancellationToken)
    {
        var socket = _socket!;
        _received = 0;
        for (var offset = 0; offset < request.Length;)
        {
            offset += await socket.SendAsync(request[offset..], SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }

        Http1ResponseHead head;
        do
        {
            head = Http1ResponseHead.Parse((await ReadHeadAsync(cancellationToken).ConfigureAwait(false)).Span);
            if (head.Status == 101)
            {
                throw new Http1ProtocolException("The server switched protocols (101), which was not asked for.");
            }
        }
        while (head.Status < 200); // interim 1xx responses precede the real one

        var keepAlive = head.KeepAlive;
        if (!head.HasNoBody(isHead))
        {
            if (head.Chunked)
            {
                await SkipChunkedBodyAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (head.ContentLength >= 0)
            {
                await SkipAsync(head.ContentLength, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await SkipToCloseAsync(cancellationToken).ConfigureAwait(false);
                keepAlive = false;
            }
        }

        if (_start != _end)
        {
            // Bytes beyond the response: the framing is off, so the connection cannot be trusted.
            keepAlive = false;
        }

        Served++;
        return (head.Status, keepAlive);
    }

    public void Dispose() => _socket?.Dispose();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Memory<byte>> ReadHeadAsync(CancellationToken cancellationToken)
    {
        var searched = 0;
        while (true)
        {
            var index = _buffer.AsSpan(_start + searched, _end - _start - searched).IndexOf(HeadEnd);
            if (index >= 0)
            {
                var head = _buffer.AsMemory(_start, searched + index);
                _start += searched + index + HeadEnd.Length;
                return head;
            }

            searched = Math.Max(0, _end - _start - (HeadEnd.Length - 1));
            if (_end - _start >= BufferSize)
            {
                throw new Http1ProtocolException($"The response head is larger than {BufferSize} bytes.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<Memory<byte>> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var index = _buffer.AsSpan(_start, _end - _start).IndexOf(Crlf);
            if (index >= 0)
            {
                var line = _buffer.AsMemory(_start, index);
                _start += index + Crlf.Length;
                return line;
            }

            if (_end - _start > MaxLineLength)
            {
                throw new Http1ProtocolException("A chunk-size line is too long.");
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipChunkedBodyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var size = Http1ResponseReader.ParseChunkSize((await ReadLineAsync(cancellationToken).ConfigureAwait(false)).Span);
            if (size == 0)
            {
                // Trailer fields, if any, end with an empty line.
                while (!(await ReadLineAsync(cancellationToken).ConfigureAwait(false)).IsEmpty)
                {
                }

                return;
            }

            await SkipAsync(size, cancellationToken).ConfigureAwait(false);
            if (!(await ReadLineAsync(cancellationToken).ConfigureAwait(false)).IsEmpty)
            {
                throw new Http1ProtocolException("A chunk is not followed by CRLF.");
            }
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask SkipAsync(long count, CancellationToken cancellationToken)
    {
        while (true)
        {
            var take = (int)Math.Min(count, _end - _start);
            _start += take;
            count -= take;
            if (count == 0)
            {
                return;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask SkipToCloseAsync(CancellationToken cancellationToken)
    {
        _start = _end = 0;
        while (await TryFillAsync(cancellationToken).ConfigureAwait(false))
        {
            _start = _end = 0;
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (!await TryFillAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new Http1ClosedException(_received);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<bool> TryFillAsync(CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            _start = _end = 0;
        }
        else if (_end == _buffer.Length)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var read = await _socket!.ReceiveAsync(_buffer.AsMemory(_end), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        _end += read;
        _received += read;
        return read > 0;
    }
}
