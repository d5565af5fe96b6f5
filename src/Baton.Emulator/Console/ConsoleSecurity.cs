using System.Security.Cryptography;
using System.Text;
using Baton.Emulator.Engine;

namespace Baton.Emulator.Console;

/// <summary>
/// The console's defences. Pages are sent with a Content-Security-Policy that allows scripts and
/// styles only from the console itself (no inline script), so injected markup could not run even
/// if it escaped the encoder. Every POST (start, stop, retry, approve, connect) must be
/// same-origin: it carries the per-process token in the <c>_csrf</c> form field (pages embed it),
/// and a browser's <c>Origin</c> header, when sent, must name this host. Nothing else is checked:
/// the emulator is a local tool bound to loopback, with no users.
/// </summary>
internal sealed class ConsoleSecurity
{
    public const string TokenField = "_csrf";

    // A fresh secret per process: another site cannot read it from our pages, so it cannot forge forms.
    private readonly byte[] _token = Encoding.ASCII.GetBytes(EmulatorRandom.NewSecret(32));

    /// <summary>The token pages put into their forms.</summary>
    public string Token => Encoding.ASCII.GetString(_token);

    /// <summary>The policy for console pages; <paramref name="formTarget"/> adds one origin forms may post to.</summary>
    public static string ContentSecurityPolicy(string? formTarget = null) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
        + $"form-action 'self'{(formTarget is null ? "" : " " + formTarget)}; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Adds the security headers every console response carries.</summary>
    public static void AddHeaders(HttpResponse response, string? formTarget = null)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy(formTarget);
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
    }

    /// <summary>Checks a console POST; returns why it is refused, or null when it may proceed.</summary>
    public string? Refusal(HttpRequest request, IFormCollection form)
    {
        if (request.Headers.Origin is { Count: > 0 } origin
            && !string.Equals(origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            return $"The request came from '{origin}', not from this console; submit the form from the console page.";
        }

        var sent = form[TokenField].ToString();
        if (sent.Length == 0)
        {
            return $"The form has no {TokenField} field; submit it from the console page.";
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(sent), _token)
            ? null
            : "The form's token is not this emulator's (it may be from before a restart); reload the console page and try again.";
    }
}
