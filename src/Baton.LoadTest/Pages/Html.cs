using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;

namespace Baton.LoadTest.Pages;

/// <summary>
/// Server-rendered HTML: escaping (every user-supplied string goes through <see cref="E"/>), the
/// shared page frame and a Content-Security-Policy that allows only the page's own inline script.
/// </summary>
internal static class Html
{
    private const string Style = """
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1f24}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border-bottom:1px solid #d0d7de;padding:.3rem .8rem;text-align:left}
        .status{display:inline-block;padding:.2rem .6rem;border-radius:1rem;font-weight:600;background:#eaeef2}
        .Passed,.pass{color:#1a7f37}.Failed,.Error,.fail{color:#cf222e}.Running{color:#0969da}
        .error{color:#cf222e}label{display:block;margin:.6rem 0 .2rem;font-weight:600}input{width:100%;padding:.3rem}
        small{color:#57606a}svg{max-width:100%;height:auto;border:1px solid #d0d7de}
        """;

    /// <summary>HTML-escapes text for element content and quoted attribute values.</summary>
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? string.Empty);

    /// <summary>A complete page.</summary>
    public static string Page(string title, string body, string? script = null) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{E(title)} · Baton load test</title>
        <style>{Style}</style>
        </head>
        <body>
        {body}
        {(script is null ? string.Empty : "<script>" + script + "</script>")}
        </body>
        </html>
        """;

    /// <summary>The page as a result, with a CSP allowing only <paramref name="script"/> (by hash) and same-origin fetches.</summary>
    public static IResult Result(HttpContext context, string title, string body, string? script = null, int statusCode = StatusCodes.Status200OK)
    {
        var scriptSource = script is null ? "'none'" : $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";
        context.Response.Headers.ContentSecurityPolicy =
            $"default-src 'none'; script-src {scriptSource}; style-src 'unsafe-inline'; connect-src 'self'; form-action *; base-uri 'none'";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.Content(Page(title, body, script), "text/html; charset=utf-8", Encoding.UTF8, statusCode);
    }
}
