using System.Text.Json;

namespace Baton.LoadTest.Pages;

/// <summary>
/// The document CodePipeline's console posts to the sign-up page as the form field <c>request</c>:
/// <c>{clientId, clientToken, correlationId, returnUrl, configuration}</c>.
/// </summary>
/// <param name="ClientId">The action's client id.</param>
/// <param name="ClientToken">The action's client token (a secret).</param>
/// <param name="CorrelationId">The one-time id to send back.</param>
/// <param name="ReturnUrl">Where to send the browser afterwards: absolute http(s).</param>
/// <param name="Configuration">The action's current configuration, to prefill the form.</param>
internal sealed record SignupHandshake(string ClientId, string ClientToken, string CorrelationId, Uri ReturnUrl, IReadOnlyDictionary<string, string> Configuration)
{
    /// <summary>Reads the document, or says what is wrong with it.</summary>
    public static SignupHandshake? Parse(string? json, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(json))
        {
            error = "The sign-up page expects the CodePipeline console's form field 'request'. Connect the action from the pipeline to get here.";
            return null;
        }

        Document? document;
        try
        {
            document = JsonSerializer.Deserialize<Document>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException ex)
        {
            error = $"The 'request' field is not the JSON document CodePipeline sends ({ex.Message}).";
            return null;
        }

        var missing = new[]
        {
            ("clientId", document?.ClientId),
            ("clientToken", document?.ClientToken),
            ("correlationId", document?.CorrelationId),
            ("returnUrl", document?.ReturnUrl),
        }.Where(f => string.IsNullOrWhiteSpace(f.Item2)).Select(f => f.Item1).ToList();
        if (missing.Count > 0)
        {
            error = $"The 'request' document is missing {string.Join(", ", missing)}.";
            return null;
        }

        if (!Uri.TryCreate(document!.ReturnUrl, UriKind.Absolute, out var returnUrl) || (returnUrl.Scheme != Uri.UriSchemeHttp && returnUrl.Scheme != Uri.UriSchemeHttps))
        {
            error = $"returnUrl must be an absolute http or https URL, was '{document.ReturnUrl}'.";
            return null;
        }

        return new SignupHandshake(document.ClientId!, document.ClientToken!, document.CorrelationId!, returnUrl, document.Configuration ?? new Dictionary<string, string>());
    }

    /// <summary>
    /// Where to send the browser once connected: <c>returnUrl?correlationId=…&amp;configuration=…</c>,
    /// the configuration being a JSON object of strings; both values URL-encoded, any query of
    /// <c>returnUrl</c> kept.
    /// </summary>
    public Uri Redirect(IReadOnlyDictionary<string, string> configuration)
    {
        var query = $"correlationId={Uri.EscapeDataString(CorrelationId)}&configuration={Uri.EscapeDataString(JsonSerializer.Serialize(configuration))}";
        var builder = new UriBuilder(ReturnUrl) { Query = string.IsNullOrEmpty(ReturnUrl.Query) ? query : ReturnUrl.Query.TrimStart('?') + "&" + query };
        return builder.Uri;
    }

    /// <inheritdoc/>
    public override string ToString() => $"SignupHandshake {{ ClientId = {ClientId}, CorrelationId = {CorrelationId}, ReturnUrl = {ReturnUrl} }}";

    private sealed record Document(string? ClientId, string? ClientToken, string? CorrelationId, string? ReturnUrl, Dictionary<string, string>? Configuration);
}
