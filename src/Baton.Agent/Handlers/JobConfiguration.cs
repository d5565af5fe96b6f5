using System.Globalization;

namespace Baton.Agent.Handlers;

/// <summary>
/// The action's configuration properties (the <c>configuration</c> map of the job data) with typed
/// accessors. A missing or unusable value throws <see cref="JobConfigurationException"/>, which
/// Baton reports as a <c>ConfigurationError</c> naming the property.
/// </summary>
public sealed class JobConfiguration
{
    private const int MaxEchoedValueLength = 100;

    private readonly IReadOnlyDictionary<string, string> _values;

    /// <summary>Creates the configuration view.</summary>
    /// <param name="values">The configuration map; null means empty.</param>
    public JobConfiguration(IReadOnlyDictionary<string, string>? values)
    {
        _values = values ?? new Dictionary<string, string>();
    }

    /// <summary>Every property, as CodePipeline sent it.</summary>
    public IReadOnlyDictionary<string, string> Values => _values;

    /// <summary>Returns a property that must be set.</summary>
    /// <param name="name">The property name, as declared on the action type.</param>
    /// <exception cref="JobConfigurationException">The property is missing or empty.</exception>
    public string GetRequiredString(string name) =>
        Find(name) ?? throw new JobConfigurationException(name, $"The action configuration property '{name}' is required but is not set.");

    /// <summary>Returns a property, or <paramref name="defaultValue"/> when it is missing or empty.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="defaultValue">The value to use when the property is not set.</param>
    public string? GetString(string name, string? defaultValue = null) => Find(name) ?? defaultValue;

    /// <summary>Returns a whole-number property that must be set.</summary>
    /// <param name="name">The property name.</param>
    public int GetInt32(string name) => ParseInt32(name, GetRequiredString(name));

    /// <summary>Returns a whole-number property, or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="defaultValue">The value to use when the property is not set.</param>
    public int GetInt32(string name, int defaultValue) => Find(name) is { } text ? ParseInt32(name, text) : defaultValue;

    /// <summary>Returns a duration property (<c>30s</c>, <c>5m</c>, <c>1h30m</c>, <c>00:05:00</c>) that must be set.</summary>
    /// <param name="name">The property name.</param>
    public TimeSpan GetTimeSpan(string name) => ParseTimeSpan(name, GetRequiredString(name));

    /// <summary>Returns a duration property, or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="defaultValue">The value to use when the property is not set.</param>
    public TimeSpan GetTimeSpan(string name, TimeSpan defaultValue) => Find(name) is { } text ? ParseTimeSpan(name, text) : defaultValue;

    /// <summary>Returns a <c>true</c>/<c>false</c> property that must be set.</summary>
    /// <param name="name">The property name.</param>
    public bool GetBoolean(string name) => ParseBoolean(name, GetRequiredString(name));

    /// <summary>Returns a <c>true</c>/<c>false</c> property, or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="defaultValue">The value to use when the property is not set.</param>
    public bool GetBoolean(string name, bool defaultValue) => Find(name) is { } text ? ParseBoolean(name, text) : defaultValue;

    /// <summary>Returns an absolute http or https URL property that must be set.</summary>
    /// <param name="name">The property name.</param>
    public Uri GetUri(string name) => ParseUri(name, GetRequiredString(name));

    /// <summary>Returns an absolute http or https URL property, or <paramref name="defaultValue"/> when it is not set.</summary>
    /// <param name="name">The property name.</param>
    /// <param name="defaultValue">The value to use when the property is not set.</param>
    public Uri? GetUri(string name, Uri? defaultValue) => Find(name) is { } text ? ParseUri(name, text) : defaultValue;

    private string? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _values.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
    }

    private static int ParseInt32(string name, string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Invalid(name, "a whole number such as 10", text);

    private static TimeSpan ParseTimeSpan(string name, string text) =>
        DurationParser.TryParse(text, out var value) ? value : throw Invalid(name, "a duration such as 30s or 5m", text);

    private static bool ParseBoolean(string name, string text) =>
        bool.TryParse(text.Trim(), out var value) ? value : throw Invalid(name, "true or false", text);

    private static Uri ParseUri(string name, string text) =>
        Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? uri
            : throw Invalid(name, "an absolute http or https URL such as https://example.com/", text);

    private static JobConfigurationException Invalid(string name, string expected, string actual)
    {
        var shown = actual.Length <= MaxEchoedValueLength ? actual : actual[..MaxEchoedValueLength] + "…";
        return new JobConfigurationException(
            name,
            string.Create(CultureInfo.InvariantCulture, $"The action configuration property '{name}' must be {expected}, got '{shown}'."));
    }
}
