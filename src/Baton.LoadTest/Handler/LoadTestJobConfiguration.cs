using System.Text.Json;
using Baton.Agent.Handlers;
using Baton.LoadTest.Api;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Handler;

/// <summary>
/// The action's configuration properties, checked: TargetUrl and Duration (required), Rate or
/// Users (exactly one), RampUp, Thresholds, Method, Headers (a JSON object), ApiKey (secret) and
/// ServiceUrl. Every problem is a <see cref="JobConfigurationException"/> naming the property.
/// </summary>
internal sealed record LoadTestJobConfiguration(
    Uri TargetUrl,
    TimeSpan Duration,
    double? Rate,
    int? Users,
    TimeSpan RampUp,
    string? Thresholds,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    string? ApiKey,
    Uri? ServiceUrl)
{
    public static LoadTestJobConfiguration Read(JobConfiguration configuration)
    {
        var targetUrl = configuration.GetUri("TargetUrl");
        var duration = configuration.GetTimeSpan("Duration");
        if (duration <= TimeSpan.Zero)
        {
            throw new JobConfigurationException(nameof(Duration), $"The action configuration property 'Duration' must be positive, e.g. 30s or 5m, got '{configuration.GetString("Duration")}'.");
        }

        var rateText = configuration.GetString("Rate");
        int? users = configuration.GetString("Users") is null ? null : configuration.GetInt32("Users");
        double? rate = null;
        if (rateText is not null)
        {
            rate = double.TryParse(rateText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var r) && r > 0 && double.IsFinite(r)
                ? r
                : throw new JobConfigurationException(nameof(Rate), $"The action configuration property 'Rate' must be a positive number of requests per second such as 50, got '{rateText}'.");
        }

        if ((rate is null) == (users is null))
        {
            throw new JobConfigurationException(
                nameof(Rate),
                rate is null
                    ? "Set the action configuration property 'Rate' (requests per second) or 'Users' (virtual users): neither is set."
                    : "Set only one of the action configuration properties 'Rate' and 'Users', not both.");
        }

        if (users is < 1)
        {
            throw new JobConfigurationException(nameof(Users), $"The action configuration property 'Users' must be at least 1, got {users}.");
        }

        var rampUp = configuration.GetTimeSpan("RampUp", TimeSpan.Zero);
        if (rampUp > duration)
        {
            throw new JobConfigurationException(nameof(RampUp), $"The action configuration property 'RampUp' ({DurationText.Format(rampUp)}) must not be longer than 'Duration' ({DurationText.Format(duration)}).");
        }

        return new LoadTestJobConfiguration(
            targetUrl,
            duration,
            rate,
            users,
            rampUp,
            ReadThresholds(configuration),
            configuration.GetString("Method", "GET")!.Trim().ToUpperInvariant(),
            ReadHeaders(configuration),
            configuration.GetString("ApiKey"),
            configuration.GetUri("ServiceUrl", null));
    }

    public CreateTestRequest ToRequest(string name) => new()
    {
        Name = name,
        TargetUrl = TargetUrl.AbsoluteUri,
        Method = Method,
        Headers = Headers.Count == 0 ? null : Headers,
        Rate = Rate,
        Users = Users,
        Duration = DurationText.Format(Duration),
        RampUp = RampUp > TimeSpan.Zero ? DurationText.Format(RampUp) : null,
        Thresholds = Thresholds,
    };

    private static string? ReadThresholds(JobConfiguration configuration)
    {
        var text = configuration.GetString("Thresholds");
        if (text is null)
        {
            return null;
        }

        try
        {
            ThresholdParser.Parse(text);
            return text.Trim();
        }
        catch (ThresholdParseException ex)
        {
            throw new JobConfigurationException(nameof(Thresholds), $"The action configuration property 'Thresholds' is invalid: {ex.Message}. Write clauses like p95<300ms; errors<1%; rps>=50.");
        }
    }

    private static Dictionary<string, string> ReadHeaders(JobConfiguration configuration)
    {
        var text = configuration.GetString("Headers");
        if (text is null)
        {
            return [];
        }

        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(text) ?? [];
        }
        catch (JsonException)
        {
            throw new JobConfigurationException(nameof(Headers), "The action configuration property 'Headers' must be a JSON object of strings, e.g. {\"Accept\": \"application/json\"}.");
        }
    }
}
