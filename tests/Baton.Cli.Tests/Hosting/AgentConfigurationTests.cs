using Baton.Cli.Commands.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Baton.Cli.Tests.Hosting;

/// <summary>
/// The configuration layering of <c>baton agent</c>: appsettings.json &lt; --config file &lt;
/// environment variables &lt; command line after <c>--</c>. The probe keys are used by no other
/// test, so setting them in this process's environment cannot disturb anything else.
/// </summary>
public sealed class AgentConfigurationTests : IDisposable
{
    private const string Prefix = "Baton__LayeringProbe__";
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("baton-agent-config-");

    public void Dispose()
    {
        foreach (var name in new[] { "FileAndEnvironment", "EnvironmentAndCommandLine", "All" })
        {
            Environment.SetEnvironmentVariable(Prefix + name, null);
        }

        _root.Delete(recursive: true);
    }

    [Fact]
    public void CreateBuilder_EverySource_LaterSourcesOverrideEarlierOnes()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "appsettings.json"), """
            { "Baton": { "LayeringProbe": { "AppSettingsOnly": "appsettings", "AppSettingsAndFile": "appsettings", "All": "appsettings" } } }
            """);
        var config = Path.Combine(_root.FullName, "agent.json");
        File.WriteAllText(config, """
            { "Baton": { "LayeringProbe": { "AppSettingsAndFile": "file", "FileAndEnvironment": "file", "All": "file" } } }
            """);
        Environment.SetEnvironmentVariable(Prefix + "FileAndEnvironment", "environment");
        Environment.SetEnvironmentVariable(Prefix + "EnvironmentAndCommandLine", "environment");
        Environment.SetEnvironmentVariable(Prefix + "All", "environment");

        var (builder, _) = AgentHost.CreateBuilder(
            config, ["--Baton:LayeringProbe:EnvironmentAndCommandLine=command-line", "--Baton:LayeringProbe:All=command-line"], _root.FullName);

        var probe = builder.Configuration.GetSection("Baton:LayeringProbe");
        Assert.Equal("appsettings", probe["AppSettingsOnly"]);
        Assert.Equal("file", probe["AppSettingsAndFile"]);
        Assert.Equal("environment", probe["FileAndEnvironment"]);
        Assert.Equal("command-line", probe["EnvironmentAndCommandLine"]);
        Assert.Equal("command-line", probe["All"]);
    }

    [Fact]
    public void CreateBuilder_ActionTypeAndConcurrencyFromTheFile_AreUsed()
    {
        var config = Path.Combine(_root.FullName, "agent.json");
        File.WriteAllText(config, """{ "Baton": { "LoadTest": { "ActionType": "Test/Custom/BatonLoadTest/1" } } }""");

        var (_, actionType) = AgentHost.CreateBuilder(config, [], _root.FullName);

        Assert.Equal("Test/Custom/BatonLoadTest/1", actionType);
    }

    [Fact]
    public void Build_OutsideSystemd_IsAnOrdinaryConsoleHost()
    {
        var config = Path.Combine(_root.FullName, "agent.json");
        File.WriteAllText(config, """{ "Baton": { "Agent": { "StateDirectory": "state" } } }""");
        var (builder, _) = AgentHost.CreateBuilder(config, [], _root.FullName);

        using var host = builder.Build();

        // AddSystemd switches to SystemdLifetime only when systemd started the process.
        Assert.Equal("ConsoleLifetime", host.Services.GetRequiredService<IHostLifetime>().GetType().Name);
    }
}
