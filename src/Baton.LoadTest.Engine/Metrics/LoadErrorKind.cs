namespace Baton.LoadTest.Engine.Metrics;

/// <summary>Why a request got no HTTP response. An HTTP error status (e.g. 500) is a response, not one of these.</summary>
public enum LoadErrorKind
{
    /// <summary>No error: a response arrived.</summary>
    None,

    /// <summary>No complete response within the request timeout.</summary>
    Timeout,

    /// <summary>The server refused the connection (nothing listening on the port).</summary>
    ConnectionRefused,

    /// <summary>The connection was reset or closed before the response was complete.</summary>
    ConnectionReset,

    /// <summary>The server's bytes are not valid HTTP (bad status line, headers or framing).</summary>
    Protocol,

    /// <summary>Any other failure (e.g. name resolution).</summary>
    Other,

    /// <summary>The run was cancelled while the request was in flight; not counted as an error.</summary>
    Cancelled,
}
