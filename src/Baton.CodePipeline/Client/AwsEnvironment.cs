namespace Baton.CodePipeline.Client;

/// <summary>
/// The parts of the machine that AWS configuration is read from: environment variables, the
/// user's home directory and the shared config file. Injected so that resolution can be tested
/// without touching the process environment.
/// </summary>
internal interface IAwsEnvironment
{
    /// <summary>Returns the variable's value, or null when it is unset or empty.</summary>
    string? GetVariable(string name);

    /// <summary>The user's home directory, or null when it cannot be determined.</summary>
    string? HomeDirectory { get; }

    /// <summary>Returns the file's text, or null when the file does not exist.</summary>
    string? ReadFile(string path);
}

/// <summary>The real process environment and file system.</summary>
internal sealed class ProcessAwsEnvironment : IAwsEnvironment
{
    /// <summary>The one instance.</summary>
    public static ProcessAwsEnvironment Instance { get; } = new();

    private ProcessAwsEnvironment()
    {
    }

    /// <inheritdoc />
    public string? HomeDirectory
    {
        get
        {
            var home = Environment.GetEnvironmentVariable("HOME");
            if (string.IsNullOrEmpty(home))
            {
                home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            }

            return string.IsNullOrEmpty(home) ? null : home;
        }
    }

    /// <inheritdoc />
    public string? GetVariable(string name)
    {
        var value = Environment.GetEnvironmentVariable(name);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <inheritdoc />
    public string? ReadFile(string path) => File.Exists(path) ? File.ReadAllText(path) : null;
}
