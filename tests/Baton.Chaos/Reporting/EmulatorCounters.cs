using System.Text.Json;

namespace Baton.Chaos.Reporting;

/// <summary>
/// The emulator's <c>/_baton/metrics</c>: jobs by status (persisted, so they survive a restart) and
/// error answers by code (counted per emulator process, so they are added up across restarts).
/// </summary>
internal sealed class EmulatorCounters
{
    private readonly Dictionary<string, long> _errorsByCode = new(StringComparer.Ordinal);

    public long Calls { get; private set; }

    public IReadOnlyDictionary<string, long> ErrorsByCode => _errorsByCode;

    public IReadOnlyDictionary<string, int> JobsByStatus { get; private set; } = new Dictionary<string, int>();

    /// <summary>Adds the error counters of the running emulator (call before it restarts and at the end).</summary>
    public async Task CollectAsync(HttpClient http, Uri emulator, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(emulator, "_baton/metrics"), cancellationToken);
        response.EnsureSuccessStatusCode();
        using var document = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        var root = document.RootElement;
        foreach (var operation in Property(root, "operations").EnumerateObject())
        {
            Calls += Property(operation.Value, "calls").GetInt64();
            foreach (var code in Property(operation.Value, "errorsByCode").EnumerateObject())
            {
                _errorsByCode[code.Name] = _errorsByCode.GetValueOrDefault(code.Name) + code.Value.GetInt64();
            }
        }

        JobsByStatus = Property(root, "jobs").EnumerateObject().ToDictionary(j => j.Name, j => j.Value.GetInt32(), StringComparer.Ordinal);
    }

    private static JsonElement Property(JsonElement element, string name) =>
        element.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Value;
}
