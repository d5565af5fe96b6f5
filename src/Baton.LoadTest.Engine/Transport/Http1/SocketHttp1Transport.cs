using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// The lean HTTP/1.1 client for plain <c>http</c>: raw sockets, keep-alive, requests encoded
/// once per target, responses parsed in place and discarded, no per-request allocation on the
/// success path beyond the async state. A connection the server closed while idle is replaced
/// and the request retried once (only when not a byte of the response had arrived).
/// </summary>
public sealed class SocketHttp1Transport : ILoadTransport
{
    private readonly Target[] _targets;
    private readonly ConnectionWatchdog _watchdog;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _timeout;
    private readonly long _timeoutTicks;
    private int _disposed;

    /// <summary>Creates the transport; no connection is opened until the first send.</summary>
    /// <param name="request">What to send; every target must be plain <c>http</c>.</param>
    /// <param name="connections">Connections per server.</param>
    /// <param name="requestTimeout">The per-request timeout, including any wait for a free connection.</param>
    /// <param name="timeProvider">The run's clock.</param>
    public SocketHttp1Transport(LoadTestRequest request, int connections, TimeSpan requestTimeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(connections, 1);
        _timeProvider = timeProvider;
        _timeout = requestTimeout;
        _timeoutTicks = (long)(requestTimeout.TotalSeconds * timeProvider.TimestampFrequency);
        _watchdog = new ConnectionWatchdog(requestTimeout, timeProvider);
        var pools = new Dictionary<string, Http1ConnectionPool>(StringComparer.OrdinalIgnoreCase);
        _targets = [.. request.Targets.Select(t =>
        {
            if (t.Url.Scheme != Uri.UriSchemeHttp)
            {
                throw new ArgumentException($"The socket transport speaks plain http only, not '{t.Url}'.", nameof(request));
            }

            var key = t.Url.Authority;
            if (!pools.TryGetValue(key, out var pool))
            {
                var endPoint = ToEndPoint(t.Url);
                pool = new Http1ConnectionPool(() => Open(endPoint), connections);
                pools[key] = pool;
            }

            return new Target(Http1RequestEncoder.Encode(request, t.Url), request.Method == "HEAD", pool);
        })];
    }

    /// <inheritdoc/>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TransportResult> SendAsync(int targetIndex, CancellationToken cancellationToken)
    {
        var target = _targets[targetIndex];
        var started = _timeProvider.GetTimestamp();
        Http1Connection connection;
        try
        {
            connection = await target.Pool.RentAsync(_timeout, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return TransportResult.Failed(LoadErrorKind.Timeout, started);
        }
        catch (OperationCanceledException)
        {
            return TransportResult.Failed(LoadErrorKind.Cancelled, started);
        }

        var sent = _timeProvider.GetTimestamp();
        connection.Deadline = started + _timeoutTicks;
        long bytesSent = 0;
        long bytesReceived = 0;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await connection.ConnectIfNeededAsync(cancellationToken).ConfigureAwait(false);
                bytesSent += target.Request.Length;
                var (status, keepAlive) = await connection.ExchangeAsync(target.Request, target.IsHead, cancellationToken).ConfigureAwait(false);
                bytesReceived += connection.ReceivedThisResponse;
                connection.Deadline = 0;
                if (keepAlive && !connection.TimedOut)
                {
                    target.Pool.Return(connection);
                }
                else
                {
                    Close(connection);
                    target.Pool.Release();
                }

                return new TransportResult(status, LoadErrorKind.None, sent, bytesSent, bytesReceived);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                bytesReceived += connection.ReceivedThisResponse;
                var kind = Classify(ex, connection, cancellationToken);
                var retry = attempt == 0 && kind == LoadErrorKind.ConnectionReset
                    && connection.Served > 0 && connection.ReceivedThisResponse == 0;
                Close(connection);
                if (!retry)
                {
                    target.Pool.Release();
                    return new TransportResult(0, kind, sent, bytesSent, bytesReceived);
                }

                // The server closed an idle keep-alive connection: the request never reached it.
                connection = target.Pool.Replace();
                connection.Deadline = started + _timeoutTicks;
            }
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _watchdog.Dispose();
            foreach (var connection in _watchdog.Connections)
            {
                connection.Dispose();
            }
        }

        return ValueTask.CompletedTask;
    }

    internal static LoadErrorKind Classify(Exception ex, Http1Connection connection, CancellationToken cancellationToken)
    {
        if (connection.TimedOut)
        {
            return LoadErrorKind.Timeout;
        }

        return ex switch
        {
            OperationCanceledException when cancellationToken.IsCancellationRequested => LoadErrorKind.Cancelled,
            Http1ProtocolException => LoadErrorKind.Protocol,
            Http1ClosedException => LoadErrorKind.ConnectionReset,
            SocketException { SocketErrorCode: SocketError.ConnectionRefused } => LoadErrorKind.ConnectionRefused,
            SocketException { SocketErrorCode: SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown or SocketError.NotConnected } => LoadErrorKind.ConnectionReset,
            SocketException { SocketErrorCode: SocketError.TimedOut } => LoadErrorKind.Timeout,
            ObjectDisposedException or SocketException { SocketErrorCode: SocketError.OperationAborted } when cancellationToken.IsCancellationRequested => LoadErrorKind.Cancelled,
            _ => LoadErrorKind.Other,
        };
    }

    private static EndPoint ToEndPoint(Uri url) =>
        IPAddress.TryParse(url.IdnHost, out var address) ? new IPEndPoint(address, url.Port) : new DnsEndPoint(url.IdnHost, url.Port);

    private Http1Connection Open(EndPoint endPoint)
    {
        var connection = new Http1Connection(endPoint);
        _watchdog.Watch(connection);
        return connection;
    }

    private void Close(Http1Connection connection)
    {
        connection.Dispose();
        _watchdog.Forget(connection);
    }

    private sealed record Target(byte[] Request, bool IsHead, Http1ConnectionPool Pool);
}
