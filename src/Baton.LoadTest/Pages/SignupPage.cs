using System.Globalization;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Api;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Pages;

/// <summary>
/// The sign-up / configuration page, <c>GET|POST /signup</c> (the action type's
/// <c>thirdPartyConfigurationUrl</c>). The console posts the handshake as the form field
/// <c>request</c>; the page asks for the account's API key and the test configuration, stores
/// clientId → clientToken → account, and answers <c>303 See Other</c> to
/// <c>returnUrl?correlationId=…&amp;configuration={json}</c> (see <see cref="SignupHandshake.Redirect"/>).
/// </summary>
public static class SignupPage
{
    /// <summary>The configuration properties the form fills, in order.</summary>
    public static IReadOnlyList<string> Fields { get; } = ["TargetUrl", "Duration", "Rate", "Users", "RampUp", "Thresholds", "Method"];

    /// <summary>Maps the page.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The same builder.</returns>
    public static IEndpointRouteBuilder MapSignupPage(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/signup", (HttpContext context) => Show(context, context.Request.Query["request"].ToString(), values: null, errors: null));
        endpoints.MapPost("/signup", PostAsync).DisableAntiforgery();
        return endpoints;
    }

    /// <summary>The console's arrival (form field <c>request</c> only) shows the form; the form's own submit connects.</summary>
    public static async Task<IResult> PostAsync(HttpContext context, AccountDirectory accounts, TestRequestValidator validator, ITestStore store, TimeProvider time, ILogger<TestRequestValidator> logger)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(accounts);
        ArgumentNullException.ThrowIfNull(validator);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        if (!context.Request.HasFormContentType)
        {
            return Error(context, "Post the sign-up request as a form (application/x-www-form-urlencoded) with the field 'request'.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
        var requestJson = form["request"].ToString();
        if (form["step"] != "connect")
        {
            return Show(context, requestJson, values: null, errors: null);
        }

        if (SignupHandshake.Parse(requestJson, out var error) is not { } handshake)
        {
            return Error(context, error!);
        }

        var values = Fields.ToDictionary(f => f, f => form[f].ToString().Trim(), StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var account = accounts.FindByApiKey(form["apiKey"].ToString().Trim());
        if (account is null)
        {
            errors["apiKey"] = "The API key was not recognised: enter the key of your load-test account.";
        }

        CheckConfiguration(values, validator, errors);
        CheckNothingCleared(values, handshake.Configuration, errors);
        if (errors.Count > 0)
        {
            return Show(context, requestJson, values, errors);
        }

        // A client id already connected to another account stays that account's: otherwise anyone
        // with a key could post a made-up handshake for someone else's action and break it.
        var stored = await store.SaveClientAsync(new ConnectedClient(handshake.ClientId, handshake.ClientToken, account!.Id, time.GetUtcNow()), context.RequestAborted).ConfigureAwait(false);
        if (!string.Equals(stored.AccountId, account.Id, StringComparison.Ordinal))
        {
            SignupPageLog.ClientConnectRefused(logger, handshake.ClientId, account.Id);
            return Error(
                context,
                $"Client id {handshake.ClientId} is already connected to another load-test account, and only that account can connect it again. "
                    + "Enter that account's API key, or connect a new action (CodePipeline gives it a new client id).",
                StatusCodes.Status403Forbidden);
        }

        Log.ClientConnected(logger, handshake.ClientId, account.Id);
        var configuration = values.Where(v => v.Value.Length > 0).ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        return new SeeOther(handshake.Redirect(configuration));
    }

    private static void CheckConfiguration(Dictionary<string, string> values, TestRequestValidator validator, Dictionary<string, string> errors)
    {
        double? rate = null;
        int? users = null;
        if (values["Rate"].Length > 0)
        {
            if (double.TryParse(values["Rate"], NumberStyles.Float, CultureInfo.InvariantCulture, out var r))
            {
                rate = r;
            }
            else
            {
                errors["Rate"] = $"Rate must be a number of requests per second, was '{values["Rate"]}'.";
            }
        }

        if (values["Users"].Length > 0)
        {
            if (int.TryParse(values["Users"], NumberStyles.None, CultureInfo.InvariantCulture, out var u))
            {
                users = u;
            }
            else
            {
                errors["Users"] = $"Users must be a whole number of virtual users, was '{values["Users"]}'.";
            }
        }

        var request = new CreateTestRequest
        {
            TargetUrl = values["TargetUrl"].Length > 0 ? values["TargetUrl"] : null,
            Duration = values["Duration"],
            Rate = rate,
            Users = users,
            RampUp = values["RampUp"],
            Thresholds = values["Thresholds"],
            Method = values["Method"],
        };
        if (!errors.ContainsKey("Rate") && !errors.ContainsKey("Users") && validator.Validate(request, out var problems) is null)
        {
            foreach (var (field, messages) in problems)
            {
                var property = Fields.FirstOrDefault(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase)) ?? "TargetUrl";
                errors[property] = string.Join(" ", messages);
            }
        }
    }

    // CodePipeline merges the returned configuration over the action's, so a field returned empty
    // keeps its old value: clearing Users to use Rate would leave both set. Say so instead.
    private static void CheckNothingCleared(Dictionary<string, string> values, IReadOnlyDictionary<string, string> current, Dictionary<string, string> errors)
    {
        foreach (var field in Fields)
        {
            if (values[field].Length == 0 && current.TryGetValue(field, out var kept) && !string.IsNullOrWhiteSpace(kept) && !errors.ContainsKey(field))
            {
                errors[field] = $"{field} cannot be cleared here: the pipeline keeps its current value '{kept}' for a field this page returns empty. "
                    + $"Enter a value, or remove {field} from the action's configuration in the pipeline and connect again.";
            }
        }
    }

    private static IResult Show(HttpContext context, string requestJson, Dictionary<string, string>? values, Dictionary<string, string>? errors)
    {
        if (SignupHandshake.Parse(requestJson, out var error) is not { } handshake)
        {
            return Error(context, error!);
        }

        values ??= Fields.ToDictionary(f => f, f => handshake.Configuration.TryGetValue(f, out var v) ? v : string.Empty, StringComparer.Ordinal);
        string Problem(string field) => errors is not null && errors.TryGetValue(field, out var message) ? $"<div class=\"error\" id=\"error-{field}\">{Html.E(message)}</div>" : string.Empty;
        var inputs = string.Concat(Fields.Select(f => $"""
            <label for="{f}">{f}</label><input id="{f}" name="{f}" value="{Html.E(values[f])}">{Problem(f)}
            """));
        var body = $"""
            <h1>Connect a pipeline action to Baton load test</h1>
            <p>CodePipeline asked to connect action client <code>{Html.E(handshake.ClientId)}</code>. Choose the account its tests run under and configure the test.</p>
            <form method="post" action="signup">
            <input type="hidden" name="request" value="{Html.E(requestJson)}">
            <input type="hidden" name="step" value="connect">
            <label for="apiKey">Account API key</label><input id="apiKey" name="apiKey" type="password" autocomplete="off">{Problem("apiKey")}
            {inputs}
            <p><small>Give Rate (requests/s) or Users (virtual users). Durations like 30s or 5m. Thresholds like p95&lt;300ms; errors&lt;1%.</small></p>
            <p><button type="submit">Connect</button></p>
            </form>
            """;
        return Html.Result(context, "Connect", body, statusCode: errors is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);
    }

    private static IResult Error(HttpContext context, string message, int statusCode = StatusCodes.Status400BadRequest) =>
        Html.Result(context, "Cannot connect", $"<h1>Cannot connect the action</h1><p class=\"error\" id=\"problem\">{Html.E(message)}</p>", statusCode: statusCode);
}
