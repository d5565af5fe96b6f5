using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Baton.Emulator.ThirdParty;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// Connects the pipeline's load-test action to the vendor with the requests a browser makes:
/// <list type="number">
/// <item>the emulator starts the handshake (<c>POST /_baton/third-party-handshakes</c>) and says
/// what to post where: the form field <c>request</c> to the action type's
/// <c>thirdPartyConfigurationUrl</c> (the vendor's sign-up page);</item>
/// <item>the browser posts <c>request</c> to the sign-up page, which shows its form;</item>
/// <item>the user submits the form (API key and test configuration); the page stores the client
/// token for the account and answers <c>303 See Other</c> to the emulator's return endpoint;</item>
/// <item>the browser follows the redirect; the emulator saves the configuration as a new pipeline version.</item>
/// </list>
/// Redirects are followed by hand so that every hop is checked and reported.
/// </summary>
internal static partial class DemoHandshake
{
    /// <summary>Runs the handshake.</summary>
    /// <param name="browser">An HTTP client that does not follow redirects.</param>
    /// <param name="emulator">The emulator's endpoint.</param>
    /// <param name="apiKey">The vendor account's API key, typed into the form.</param>
    /// <param name="configuration">The test configuration, typed into the form.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>Where each step went: the sign-up page and the pipeline's new version.</returns>
    public static async Task<(Uri SignupPage, HandshakeResult Result)> ConnectAsync(
        HttpClient browser, Uri emulator, string apiKey, IReadOnlyDictionary<string, string> configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(browser);
        using var started = await browser.PostAsJsonAsync(
            new Uri(emulator, "/_baton/third-party-handshakes"),
            new { pipelineName = DemoScenario.PipelineName, actionName = DemoPipeline.LoadTestAction },
            cancellationToken);
        var start = await ReadAsync<HandshakeStart>(started, "the emulator's handshake start", cancellationToken);
        var signup = new Uri(start.ConfigurationUrl);

        using var arrival = await browser.PostAsync(signup, Form(new() { ["request"] = start.Request }), cancellationToken);
        await ExpectAsync(arrival, HttpStatusCode.OK, "the sign-up page", cancellationToken);

        var fields = new Dictionary<string, string>(configuration, StringComparer.Ordinal)
        {
            ["request"] = start.Request,
            ["step"] = "connect",
            ["apiKey"] = apiKey,
        };
        using var submitted = await browser.PostAsync(signup, Form(fields), cancellationToken);
        await ExpectAsync(submitted, HttpStatusCode.SeeOther, "the sign-up form", cancellationToken);
        var back = submitted.Headers.Location
            ?? throw new DemoException("The sign-up page answered 303 without a Location; it must redirect back to the emulator.");

        using var returned = await browser.GetAsync(back.IsAbsoluteUri ? back : new Uri(signup, back), cancellationToken);
        return (signup, await ReadAsync<HandshakeResult>(returned, "the emulator's return endpoint", cancellationToken));
    }

    // A page names its problems in class="error" elements; any other answer is shown as it came, shortened.
    private static string Problem(string body)
    {
        var errors = ErrorElement().Matches(body).Select(m => WebUtility.HtmlDecode(m.Groups["text"].Value.Trim())).Where(t => t.Length > 0).ToList();
        return errors.Count > 0 ? string.Join(" ", errors) : body[..Math.Min(body.Length, 500)];
    }

    [GeneratedRegex("class=\"error\"[^>]*>(?<text>[^<]*)<")]
    private static partial Regex ErrorElement();

    private static FormUrlEncodedContent Form(Dictionary<string, string> fields) => new(fields);

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string step, CancellationToken cancellationToken)
    {
        await ExpectAsync(response, HttpStatusCode.OK, step, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken)
            ?? throw new DemoException($"The handshake failed at {step}: the answer was empty.");
    }

    private static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode expected, string step, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new DemoException($"The handshake failed at {step}: expected HTTP {(int)expected}, got {(int)response.StatusCode}. {Problem(body)}");
        }
    }
}
