using Baton.LoadTest.Engine.Metrics;

namespace Baton.LoadTest.Engine.Transport;

/// <summary>The outcome of one request.</summary>
/// <param name="StatusCode">The HTTP status, or 0 when no response arrived.</param>
/// <param name="Error">Why no response arrived, or <see cref="LoadErrorKind.None"/>.</param>
/// <param name="SentTimestamp">
/// When the request actually started on a connection (<see cref="TimeProvider.GetTimestamp"/>),
/// after any wait for a free connection: the origin of the uncorrected latency.
/// </param>
/// <param name="BytesSent">Bytes written for the request.</param>
/// <param name="BytesReceived">Bytes read for the response.</param>
public readonly record struct TransportResult(int StatusCode, LoadErrorKind Error, long SentTimestamp, long BytesSent, long BytesReceived)
{
    /// <summary>A failure before anything was sent.</summary>
    /// <param name="error">The kind of failure.</param>
    /// <param name="timestamp">When it happened.</param>
    /// <returns>The result.</returns>
    public static TransportResult Failed(LoadErrorKind error, long timestamp) => new(0, error, timestamp, 0, 0);
}
