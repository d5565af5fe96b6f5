using System.Net;
using System.Net.Sockets;
using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>Where a <see cref="LoopConnection"/> stands.</summary>
internal enum LoopPhase
{
    /// <summary>No request in flight; the next starts at <see cref="LoopConnection.StartAt"/>.</summary>
    Ready,

    /// <summary>A non-blocking connect is under way.</summary>
    Connecting,

    /// <summary>The request is being written (the socket buffer was full).</summary>
    Sending,

    /// <summary>The response is being read.</summary>
    Receiving,

    /// <summary>The run is over for this connection.</summary>
    Finished,
}

/// <summary>
/// One non-blocking keep-alive HTTP/1.1 connection driven by an event loop thread: every call
/// does what the socket allows right now (synchronous non-blocking connect, send and receive,
/// never a Task) and the loop calls <see cref="Step"/> again when the socket becomes ready.
/// </summary>
internal sealed class LoopConnection(IPEndPoint endPoint)
{
    private readonly byte[] _buffer = new byte[32 * 1024];
    private readonly Http1ResponseReader _reader = new();
    private byte[] _request = [];
    private bool _isHead;
    private int _sent;
    private int _start;
    private int _end;

    public LoopPhase Phase { get; set; }

    public Socket? Socket { get; private set; }

    /// <summary>The socket under which the event loop last indexed this connection.</summary>
    public Socket? IndexedSocket { get; set; }

    /// <summary>When the next request may start (the virtual user's slot of the ramp-up, then "now").</summary>
    public long StartAt { get; set; }

    /// <summary>When the current request started: the origin of its latency.</summary>
    public long Intended { get; private set; }

    /// <summary>After this timestamp the current request has timed out.</summary>
    public long Deadline { get; private set; }

    /// <summary>Responses completed on the current socket; above 0 means it was reused.</summary>
    public int Served { get; private set; }

    /// <summary>Whether the current request was already retried on a fresh connection.</summary>
    public bool Retried { get; set; }

    public long BytesSent { get; private set; }

    public long BytesReceived { get; private set; }

    public long ReceivedThisAttempt { get; private set; }

    public int Status => _reader.Status;

    /// <summary>The error of the last <see cref="Step"/> that returned <see cref="LoopStep.Failed"/>.</summary>
    public LoadErrorKind Error { get; private set; }

    /// <summary>Starts a request: connects if needed, then writes as much as the socket takes.</summary>
    public LoopStep Begin(byte[] request, bool isHead, long now, long deadline)
    {
        _request = request;
        _isHead = isHead;
        _reader.Reset(isHead);
        Intended = now;
        Deadline = deadline;
        BytesSent = 0;
        BytesReceived = 0;
        Retried = false;
        return Attempt();
    }

    /// <summary>Sends the current request again on a fresh connection (the old one was closed idle).</summary>
    public LoopStep Retry()
    {
        Retried = true;
        _reader.Reset(_isHead);
        return Attempt();
    }

    /// <summary>Does whatever the socket allows now.</summary>
    public LoopStep Step()
    {
        switch (Phase)
        {
            case LoopPhase.Connecting:
                var error = (int)Socket!.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
                if (error != 0)
                {
                    return Fail(error is (int)SocketError.ConnectionRefused or 111 ? LoadErrorKind.ConnectionRefused : Classify((SocketError)error));
                }

                Phase = LoopPhase.Sending;
                return Send();
            case LoopPhase.Sending:
                return Send();
            case LoopPhase.Receiving:
                return Receive();
            default:
                return LoopStep.Pending;
        }
    }

    public void Close()
    {
        Socket?.Dispose();
        Socket = null;
        Served = 0;
        _start = _end = 0;
    }

    private LoopStep Attempt()
    {
        _sent = 0;
        ReceivedThisAttempt = 0;
        if (Socket is not null)
        {
            Phase = LoopPhase.Sending;
            return Send();
        }

        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        Socket = socket;
        try
        {
            socket.Connect(endPoint);
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
            Phase = LoopPhase.Connecting;
            return LoopStep.Pending;
        }
        catch (SocketException ex)
        {
            return Fail(Classify(ex.SocketErrorCode));
        }

        Phase = LoopPhase.Sending;
        return Send();
    }

    private LoopStep Send()
    {
        while (_sent < _request.Length)
        {
            var written = Socket!.Send(_request.AsSpan(_sent), SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return LoopStep.Pending;
            }

            if (error != SocketError.Success)
            {
                return Fail(Classify(error));
            }

            _sent += written;
            BytesSent += written;
        }

        Phase = LoopPhase.Receiving;
        return LoopStep.Pending;
    }

    private LoopStep Receive()
    {
        while (true)
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

            var read = Socket!.Receive(_buffer.AsSpan(_end), SocketFlags.None, out var error);
            if (error == SocketError.WouldBlock)
            {
                return LoopStep.Pending;
            }

            if (error != SocketError.Success)
            {
                return Fail(Classify(error));
            }

            if (read == 0)
            {
                if (!_reader.ReadsUntilClose)
                {
                    return Fail(LoadErrorKind.ConnectionReset);
                }

                Close();
                Phase = LoopPhase.Ready;
                return LoopStep.Completed;
            }

            _end += read;
            BytesReceived += read;
            ReceivedThisAttempt += read;
            bool done;
            int consumed;
            try
            {
                done = _reader.Advance(_buffer.AsSpan(_start, _end - _start), out consumed);
            }
            catch (Http1ProtocolException)
            {
                return Fail(LoadErrorKind.Protocol);
            }

            _start += consumed;
            if (done)
            {
                Served++;
                if (!_reader.KeepAlive || _start != _end)
                {
                    // Bytes beyond the response mean the framing is off: the connection cannot be trusted.
                    Close();
                }

                Phase = LoopPhase.Ready;
                return LoopStep.Completed;
            }
        }
    }

    private LoopStep Fail(LoadErrorKind error)
    {
        Error = error;
        return LoopStep.Failed;
    }

    internal static LoadErrorKind Classify(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => LoadErrorKind.ConnectionRefused,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected => LoadErrorKind.ConnectionReset,
        SocketError.TimedOut => LoadErrorKind.Timeout,
        _ => LoadErrorKind.Other,
    };
}

/// <summary>What a <see cref="LoopConnection"/> call achieved.</summary>
internal enum LoopStep
{
    /// <summary>Waiting for the socket.</summary>
    Pending,

    /// <summary>The response is complete.</summary>
    Completed,

    /// <summary>The request failed; see <see cref="LoopConnection.Error"/>.</summary>
    Failed,
}
