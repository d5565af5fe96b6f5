namespace Baton.LoadTest.Engine.Plan;

/// <summary>Which client sends the requests.</summary>
public enum TransportKind
{
    /// <summary>The socket client for plain-HTTP HTTP/1.1, HttpClient otherwise.</summary>
    Auto,

    /// <summary>The lean socket-level HTTP/1.1 client (plain <c>http</c> only).</summary>
    Socket,

    /// <summary>HttpClient over SocketsHttpHandler (HTTP/1.1, HTTP/2, TLS).</summary>
    HttpClient,
}
