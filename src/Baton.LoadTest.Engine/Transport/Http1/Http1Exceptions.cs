namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>The server's bytes are not valid HTTP/1.1.</summary>
internal sealed class Http1ProtocolException(string message) : Exception(message);

/// <summary>The server closed the connection before the response was complete.</summary>
/// <param name="bytesReceived">How many bytes of the response had arrived (0: none at all).</param>
internal sealed class Http1ClosedException(long bytesReceived)
    : Exception($"The connection closed after {bytesReceived} bytes of the response.")
{
    public long BytesReceived { get; } = bytesReceived;
}
