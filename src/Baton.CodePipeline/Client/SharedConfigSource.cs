namespace Baton.CodePipeline.Client;

/// <summary>
/// The shared config file as the current environment selects it: the file named by
/// <c>AWS_CONFIG_FILE</c> (or <c>~/.aws/config</c>) and the profile named by <c>AWS_PROFILE</c>
/// (or <c>default</c>).
/// </summary>
internal sealed class SharedConfigSource
{
    private SharedConfigSource(string path, SharedConfigFile file, string profileName)
    {
        Path = path;
        File = file;
        ProfileName = profileName;
        Profile = file.Profile(profileName);
    }

    /// <summary>The path of the config file (which may not exist).</summary>
    public string Path { get; }

    /// <summary>The parsed file; empty when it does not exist.</summary>
    public SharedConfigFile File { get; }

    /// <summary>The selected profile's name.</summary>
    public string ProfileName { get; }

    /// <summary>The selected profile's section, or null when the file has none.</summary>
    public ConfigSection? Profile { get; }

    /// <summary>How the profile's section header is written in the config file.</summary>
    public string SectionHeader => ProfileName == "default" ? "[default]" : $"[profile {ProfileName}]";

    /// <summary>Describes the profile as a source, for messages.</summary>
    public string ProfileDescription => $"{SectionHeader} in {Path}";

    /// <summary>Loads the config file the environment points to.</summary>
    public static SharedConfigSource Load(IAwsEnvironment environment)
    {
        var profileName = environment.GetVariable("AWS_PROFILE")?.Trim() ?? "default";
        var path = ConfigFilePath(environment);
        var text = path is null ? null : environment.ReadFile(path);
        var file = text is null ? SharedConfigFile.Empty : SharedConfigFile.Parse(text);
        return new SharedConfigSource(path ?? "~/.aws/config", file, profileName);
    }

    private static string? ConfigFilePath(IAwsEnvironment environment)
    {
        var home = environment.HomeDirectory;
        var configured = environment.GetVariable("AWS_CONFIG_FILE");
        if (configured is not null)
        {
            return configured.StartsWith('~') && home is not null
                ? System.IO.Path.Join(home, configured[1..].TrimStart('/', '\\'))
                : configured;
        }

        return home is null ? null : System.IO.Path.Join(home, ".aws", "config");
    }
}
