using System.Net.Sockets;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Scheduling;
using Baton.LoadTest.Engine.Transport;
using Baton.LoadTest.Engine.Transport.Http1;

namespace Baton.LoadTest.Engine.Running;

/// <summary>One pre-encoded request of the event loop.</summary>
/// <param name="Request">The request bytes.</param>
/// <param name="IsHead">Whether it is a HEAD request (the response has no body).</param>
internal sealed record LoopTarget(byte[] Request, bool IsHead);

/// <summary>
/// One event-loop thread of the closed model: it owns a fixed set of non-blocking connections
/// (one per virtual user) and drives them all with <see cref="Socket.Select(System.Collections.IList, System.Collections.IList, System.Collections.IList, int)"/>,
/// synchronous sends and receives, and no Task or thread-pool hop per request:
/// <code>
/// loop: start due users · time out late requests · select(readable/writable, until the next deadline)
///       → step each ready connection → on a complete response record it and send the next at once
/// </code>
/// After the run's end no new request starts; requests in flight finish or time out.
/// Cancellation ends the loop at once, recording requests in flight as cancelled.
/// </summary>
internal sealed class ClosedEventLoop(RunState state, LoopTarget[] targets, TargetSelector selector, long timeoutTicks, long end, IReadOnlyList<LoopConnection> connections)
{
    private const int MaxWaitMicros = 20_000;
    private readonly Dictionary<Socket, LoopConnection> _bySocket = [];
    private readonly List<Socket> _readable = [];
    private readonly List<Socket> _writable = [];
    private readonly double _microsPerTick = 1_000_000.0 / state.Clock.TimeProvider.TimestampFrequency;

    public void Run(CancellationToken cancellationToken)
    {
        try
        {
            while (Turn(cancellationToken))
            {
            }
        }
        finally
        {
            foreach (var connection in connections)
            {
                connection.Close();
            }
        }
    }

    private bool Turn(CancellationToken cancellationToken)
    {
        var now = state.Clock.Now;
        var cancelled = cancellationToken.IsCancellationRequested;
        var wakeAt = now + (long)(MaxWaitMicros / _microsPerTick);
        var active = 0;
        _readable.Clear();
        _writable.Clear();
        foreach (var connection in connections)
        {
            if (connection.Phase == LoopPhase.Ready)
            {
                if (cancelled || now >= end)
                {
                    connection.Phase = LoopPhase.Finished;
                    continue;
                }

                if (now < connection.StartAt)
                {
                    wakeAt = Math.Min(wakeAt, connection.StartAt);
                    active++;
                    continue;
                }

                Handle(connection, Start(connection, now));
            }

            switch (connection.Phase)
            {
                case LoopPhase.Finished:
                    continue;
                case LoopPhase.Ready:
                    wakeAt = now; // failed at once: the user goes again on the next turn
                    active++;
                    continue;
                case var _ when cancelled:
                    Record(connection, 0, LoadErrorKind.Cancelled, now);
                    connection.Close();
                    connection.Phase = LoopPhase.Finished;
                    continue;
                case var _ when now > connection.Deadline:
                    Fail(connection, LoadErrorKind.Timeout, now);
                    wakeAt = now;
                    active++;
                    continue;
            }

            active++;
            wakeAt = Math.Min(wakeAt, connection.Deadline + 1);
            var socket = Index(connection);
            (connection.Phase == LoopPhase.Receiving ? _readable : _writable).Add(socket);
            if (connection.Phase == LoopPhase.Connecting)
            {
                _readable.Add(socket); // a refused connect may show only as readable (hang-up)
            }
        }

        if (active == 0)
        {
            return false;
        }

        var waitMicros = (int)Math.Clamp((wakeAt - now) * _microsPerTick, 0, MaxWaitMicros);
        if (_readable.Count + _writable.Count == 0)
        {
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMicroseconds(waitMicros));
            return true;
        }

        Socket.Select(_readable.Count > 0 ? _readable : null, _writable.Count > 0 ? _writable : null, null, waitMicros);
        StepReady(_readable);
        StepReady(_writable);
        return true;
    }

    private void StepReady(List<Socket> ready)
    {
        foreach (var socket in ready)
        {
            if (_bySocket.TryGetValue(socket, out var connection) && connection.Socket == socket)
            {
                Handle(connection, connection.Step());
            }
        }
    }

    private Socket Index(LoopConnection connection)
    {
        var socket = connection.Socket!;
        if (connection.IndexedSocket != socket)
        {
            if (connection.IndexedSocket is { } old)
            {
                _bySocket.Remove(old);
            }

            _bySocket[socket] = connection;
            connection.IndexedSocket = socket;
        }

        return socket;
    }

    private LoopStep Start(LoopConnection connection, long now)
    {
        state.Recorder.RecordSent();
        var target = targets[selector.Next()];
        return connection.Begin(target.Request, target.IsHead, now, now + timeoutTicks);
    }

    private void Handle(LoopConnection connection, LoopStep step)
    {
        if (step == LoopStep.Completed)
        {
            var now = state.Clock.Now;
            Record(connection, connection.Status, LoadErrorKind.None, now);
            if (now < end)
            {
                // The virtual user sends its next request at once: no think time on this path.
                Handle(connection, Start(connection, now));
            }
            else
            {
                connection.Close();
                connection.Phase = LoopPhase.Finished;
            }
        }
        else if (step == LoopStep.Failed)
        {
            if (connection.Error == LoadErrorKind.ConnectionReset && connection.Served > 0 && connection.ReceivedThisAttempt == 0 && !connection.Retried)
            {
                // The server closed an idle keep-alive connection: the request never reached it.
                connection.Close();
                Handle(connection, connection.Retry());
                return;
            }

            Fail(connection, connection.Error, state.Clock.Now);
        }
    }

    private void Fail(LoopConnection connection, LoadErrorKind error, long now)
    {
        Record(connection, 0, error, now);
        connection.Close();
        connection.Phase = LoopPhase.Ready;
        connection.StartAt = now;
    }

    private void Record(LoopConnection connection, int status, LoadErrorKind error, long now) =>
        state.Recorder.RecordCompleted(connection.Intended, connection.Intended, now, new TransportResult(status, error, connection.Intended, connection.BytesSent, connection.BytesReceived));
}
