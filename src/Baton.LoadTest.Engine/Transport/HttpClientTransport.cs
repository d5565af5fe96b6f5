using System.Buffers;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Baton.LoadTest.Engine.Metrics;
using Baton.LoadTest.Engine.Plan;

namespace Baton.LoadTest.Engine.Transport;

/// <summary>
/// The HttpClient path (SocketsHttpHandler): HTTP/1.1, HTTP/2 (exact version, so h2c works on
/// loopback) and TLS. The connection count is <c>MaxConnectionsPerServer</c>. Because the
/// handler's pool wait cannot be observed, the uncorrected latency here starts when the request
/// is handed to HttpClient. Byte counts are the bodies plus an estimate of the header sizes.
/// </summary>
public sealed class HttpClientTransport : ILoadTransport
{
    private readonly HttpClient _client;
    private readonly LoadTestRequest _request;
    private readonly HttpMethod _method;
    private readonly TimeProvider _timeProvider;
    private readonly long _headerBytesEstimate;

    /// <summary>Creates the transport.</summary>
    /// <param name="request">What to send.</param>
    /// <param name="connections">Connections per server.</param>
    /// <param name="requestTimeout">The per-request timeout.</param>
    /// <param name="timeProvider">The run's clock.</param>
    public HttpClientTransport(LoadTestRequest request, int connections, TimeSpan requestTimeout, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(request);
        _request = request;
        _timeProvider = timeProvider;
        _method = new HttpMethod(request.Method);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            EnableMultipleHttp2Connections = connections > 1,
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = requestTimeout,
        };
        _client = new HttpClient(handler) { Timeout = requestTimeout };
        _headerBytesEstimate = request.Method.Length + 32 + request.Headers.Sum(h => h.Key.Length + h.Value.Length + 4);
    }

    /// <inheritdoc/>
    public async ValueTask<TransportResult> SendAsync(int targetIndex, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        var target = _request.Targets[targetIndex].Url;
        using var message = new HttpRequestMessage(_method, target)
        {
            Version = _request.HttpVersion,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (!_request.Body.IsEmpty)
        {
            message.Content = new ReadOnlyMemoryContent(_request.Body);
        }

        foreach (var (name, value) in _request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, value))
            {
                message.Content ??= new ReadOnlyMemoryContent(ReadOnlyMemory<byte>.Empty);
                message.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        var sent = _headerBytesEstimate + target.PathAndQuery.Length + target.Authority.Length + _request.Body.Length;
        try
        {
            using var response = await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            var received = await DrainAsync(response, cancellationToken).ConfigureAwait(false);
            return new TransportResult((int)response.StatusCode, LoadErrorKind.None, started, sent, received + EstimateHeaders(response));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new TransportResult(0, Classify(ex, cancellationToken), started, sent, 0);
        }
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    internal static LoadErrorKind Classify(Exception ex, CancellationToken cancellationToken)
    {
        if (ex is OperationCanceledException)
        {
            return cancellationToken.IsCancellationRequested ? LoadErrorKind.Cancelled : LoadErrorKind.Timeout;
        }

        if (FindSocketError(ex) is { } socketError)
        {
            return socketError switch
            {
                SocketError.ConnectionRefused => LoadErrorKind.ConnectionRefused,
                SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown => LoadErrorKind.ConnectionReset,
                SocketError.TimedOut => LoadErrorKind.Timeout,
                _ => LoadErrorKind.Other,
            };
        }

        return ex is HttpRequestException http
            ? http.HttpRequestError switch
            {
                HttpRequestError.ResponseEnded => LoadErrorKind.ConnectionReset,
                HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError or HttpRequestError.VersionNegotiationError => LoadErrorKind.Protocol,
                _ => LoadErrorKind.Other,
            }
            : LoadErrorKind.Other;
    }

    private static SocketError? FindSocketError(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SocketException socket)
            {
                return socket.SocketErrorCode;
            }
        }

        return null;
    }

    private static async ValueTask<long> DrainAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                long total = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    total += read;
                }

                return total;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static long EstimateHeaders(HttpResponseMessage response)
    {
        static long Size(HttpHeaders headers) => headers.Sum(h => h.Key.Length + 4 + h.Value.Sum(v => v.Length));
        return 17 + Size(response.Headers) + Size(response.Content.Headers);
    }
}
