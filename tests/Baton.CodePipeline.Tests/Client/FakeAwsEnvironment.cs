using Baton.CodePipeline.Client;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>An environment of a few variables and in-memory files, so no test touches the process's.</summary>
internal sealed class FakeAwsEnvironment : IAwsEnvironment
{
    private readonly Dictionary<string, string> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _files = new(StringComparer.Ordinal);

    public string? HomeDirectory { get; set; } = "/home/agent";

    public FakeAwsEnvironment Set(string name, string value)
    {
        _variables[name] = value;
        return this;
    }

    public FakeAwsEnvironment WithFile(string path, string text)
    {
        _files[path] = text;
        return this;
    }

    public FakeAwsEnvironment WithConfig(string text) => WithFile("/home/agent/.aws/config", text);

    public string? GetVariable(string name) =>
        _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public string? ReadFile(string path) => _files.GetValueOrDefault(path);
}
