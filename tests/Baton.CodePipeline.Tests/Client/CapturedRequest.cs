namespace Baton.CodePipeline.Tests.Client;

/// <summary>A request exactly as the test server received it.</summary>
internal sealed record CapturedRequest(
    string Method,
    string RawTarget,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    byte[] Body)
{
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
