namespace Baton.CodePipeline.Client;

/// <summary>
/// The AWS shared config file (<c>~/.aws/config</c>): <c>[default]</c> and <c>[profile name]</c>
/// sections, <c>[services name]</c> sections, and indented sub-properties such as
/// <c>codepipeline =</c> followed by <c>  endpoint_url = ...</c>. Only what Baton needs
/// (region and endpoint settings) is read; anything it does not understand is ignored, as the
/// AWS CLI does.
/// </summary>
internal sealed class SharedConfigFile
{
    private readonly Dictionary<string, ConfigSection> _profiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigSection> _services = new(StringComparer.Ordinal);

    /// <summary>A file with no sections.</summary>
    public static SharedConfigFile Empty { get; } = new();

    /// <summary>The profile section, or null when the file has none of that name.</summary>
    public ConfigSection? Profile(string name) => _profiles.GetValueOrDefault(name);

    /// <summary>The <c>[services name]</c> section, or null when there is none.</summary>
    public ConfigSection? Services(string name) => _services.GetValueOrDefault(name);

    /// <summary>Parses the text of a config file.</summary>
    public static SharedConfigFile Parse(string text)
    {
        var file = new SharedConfigFile();
        ConfigSection? section = null;
        string? parentKey = null;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed[0] is '#' or ';')
            {
                continue;
            }

            if (trimmed[0] == '[')
            {
                section = file.OpenSection(trimmed);
                parentKey = null;
                continue;
            }

            if (section is null || !TrySplit(trimmed, out var key, out var value))
            {
                continue;
            }

            var indented = char.IsWhiteSpace(line[0]);
            if (indented && parentKey is not null)
            {
                section.SetSubProperty(parentKey, key, value);
            }
            else if (!indented)
            {
                section.Set(key, value);
                parentKey = value.Length == 0 ? key : null;
            }
        }

        return file;
    }

    private ConfigSection? OpenSection(string header)
    {
        var end = header.IndexOf(']', StringComparison.Ordinal);
        if (end < 0)
        {
            return null;
        }

        var name = header[1..end].Trim();
        if (name == "default")
        {
            return GetOrAdd(_profiles, "default");
        }

        if (TryStripPrefix(name, "profile", out var profile))
        {
            return GetOrAdd(_profiles, profile);
        }

        return TryStripPrefix(name, "services", out var services) ? GetOrAdd(_services, services) : null;
    }

    private static ConfigSection GetOrAdd(Dictionary<string, ConfigSection> sections, string name)
    {
        if (!sections.TryGetValue(name, out var section))
        {
            section = new ConfigSection();
            sections[name] = section;
        }

        return section;
    }

    private static bool TryStripPrefix(string name, string prefix, out string rest)
    {
        rest = string.Empty;
        if (name.Length <= prefix.Length || !name.StartsWith(prefix, StringComparison.Ordinal)
            || !char.IsWhiteSpace(name[prefix.Length]))
        {
            return false;
        }

        rest = name[prefix.Length..].Trim();
        return rest.Length > 0;
    }

    private static bool TrySplit(string line, out string key, out string value)
    {
        var equals = line.IndexOf('=', StringComparison.Ordinal);
        key = equals < 0 ? string.Empty : line[..equals].Trim();
        value = equals < 0 ? string.Empty : StripInlineComment(line[(equals + 1)..]).Trim();
        return key.Length > 0;
    }

    // A '#' or ';' starts a comment only after whitespace, so values such as URLs with
    // fragments survive.
    private static string StripInlineComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i];
            }
        }

        return value;
    }
}
