namespace Baton.LoadTest.Engine.Plan;

/// <summary>
/// What every request of a run sends: a method, one or more weighted targets, headers and an
/// optional body. Each send picks a target in proportion to its weight.
/// </summary>
public sealed record LoadTestRequest
{
    /// <summary>The HTTP method, e.g. <c>GET</c> or <c>POST</c>.</summary>
    public string Method { get; init; } = "GET";

    /// <summary>The URLs to send to, each with a weight; at least one.</summary>
    public required IReadOnlyList<RequestTarget> Targets { get; init; }

    /// <summary>Request headers (name, value); <c>Host</c> and <c>Content-Length</c> are set by the engine.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    /// <summary>The request body, or empty for none.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>The HTTP version: <see cref="System.Net.HttpVersion.Version11"/> or <see cref="System.Net.HttpVersion.Version20"/>.</summary>
    public Version HttpVersion { get; init; } = System.Net.HttpVersion.Version11;

    /// <summary>A request to one URL with weight 1.</summary>
    /// <param name="url">The absolute http or https URL.</param>
    /// <param name="method">The HTTP method.</param>
    /// <returns>The request.</returns>
    public static LoadTestRequest For(Uri url, string method = "GET") =>
        new() { Method = method, Targets = [new RequestTarget(url)] };
}
