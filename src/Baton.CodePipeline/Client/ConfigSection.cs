namespace Baton.CodePipeline.Client;

/// <summary>
/// One section of the shared config file: its properties and the sub-properties nested under a
/// property with an empty value (keys compare case-insensitively, as the AWS CLI's do).
/// </summary>
internal sealed class ConfigSection
{
    private readonly Dictionary<string, string> _properties = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Dictionary<string, string>> _subProperties =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The property's value, or null when it is missing or empty.</summary>
    public string? Get(string key) =>
        _properties.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>The nested property's value, or null when it is missing or empty.</summary>
    public string? GetSubProperty(string parent, string key) =>
        _subProperties.TryGetValue(parent, out var nested)
        && nested.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : null;

    /// <summary>Sets a property; a later line wins, as in the AWS CLI.</summary>
    public void Set(string key, string value) => _properties[key] = value;

    /// <summary>Sets a property nested under <paramref name="parent"/>.</summary>
    public void SetSubProperty(string parent, string key, string value)
    {
        if (!_subProperties.TryGetValue(parent, out var nested))
        {
            nested = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            _subProperties[parent] = nested;
        }

        nested[key] = value;
    }
}
