using System.Collections.Concurrent;
using System.Text.Json;

namespace Baton.Agent.Tests.Security;

/// <summary>
/// Sits in every HttpClient of the agent and records the secrets that crossed the wire in either
/// direction — client tokens, artifact secret keys and session tokens — so the test knows exactly
/// which strings must never reach a log.
/// </summary>
internal sealed class SecretRecorder(ConcurrentDictionary<string, string> secrets) : DelegatingHandler
{
    private static readonly string[] _secretMembers = ["clientToken", "secretAccessKey", "sessionToken"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            await request.Content.LoadIntoBufferAsync(cancellationToken);
            Record(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        Record(await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }

    private void Record(string body)
    {
        if (!body.StartsWith('{'))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            Walk(document.RootElement);
        }
        catch (JsonException)
        {
            // Not JSON: nothing the wire format calls a secret.
        }
    }

    private void Walk(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (_secretMembers.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: >= 8 } secret)
                {
                    secrets[secret] = property.Name;
                }

                Walk(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Walk(item);
            }
        }
    }
}
