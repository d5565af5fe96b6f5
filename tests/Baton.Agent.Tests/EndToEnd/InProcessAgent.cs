using Baton.Agent.Hosting;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// A Baton agent in a Generic Host of the test's own, registered with <c>AddBatonAgent</c> and
/// pointed at the emulator over HTTP, polling fast (10–100 ms idle waits). Logs are collected so a
/// failing test can show them.
/// </summary>
internal sealed class InProcessAgent : IAsyncDisposable
{
    private readonly IHost _host;

    private InProcessAgent(IHost host) => _host = host;

    /// <summary>Starts the agent; <paramref name="addHandlers"/> registers handlers (instances registered in <paramref name="services"/> are used as they are).</summary>
    public static async Task<InProcessAgent> StartAsync(
        E2eEmulator emulator,
        string stateDirectory,
        Action<BatonAgentBuilder> addHandlers,
        Action<IServiceCollection>? services = null,
        IEnumerable<KeyValuePair<string, string?>>? configuration = null,
        int maxAttempts = 3)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "EndToEnd" });
        builder.Configuration.AddInMemoryCollection(
        [
            new("Baton:Agent:StateDirectory", stateDirectory),
            new("Baton:Agent:Polling:IdlePollStart", "00:00:00.010"),
            new("Baton:Agent:Polling:IdlePollInterval", "00:00:00.100"),
            new("Baton:Agent:Polling:ErrorBackoffStart", "00:00:00.010"),
            new("Baton:Agent:Polling:ErrorBackoffMax", "00:00:00.200"),
            new("Baton:Agent:DrainTimeout", "00:00:02"),
            new("Baton:Agent:Artifacts:ServiceUrl", emulator.Endpoint.ToString()),
            new("Baton:Agent:Artifacts:Region", E2eEmulator.Region),
            new("Baton:Agent:Artifacts:WorkDirectory", Path.Combine(stateDirectory, "artifacts")),
            .. configuration ?? [],
        ]);
        builder.Services.AddLogging();
        builder.Logging.AddFakeLogging();
        services?.Invoke(builder.Services);
        var agent = builder.Services.AddBatonAgent().ConfigureCodePipelineClient(o =>
        {
            o.Region = E2eEmulator.Region;
            o.EndpointUrl = emulator.Endpoint;
            o.Credentials = new AwsCredentials(E2eEmulator.AccessKey, E2eEmulator.SecretKey);
            o.MaxAttempts = maxAttempts;
            o.BaseDelay = TimeSpan.FromMilliseconds(20);
            o.MaxDelay = TimeSpan.FromMilliseconds(200);
        });
        addHandlers(agent);
        var host = builder.Build();
        await host.StartAsync();
        return new InProcessAgent(host);
    }

    /// <summary>The agent's last log lines (information and above), for failure messages.</summary>
    public string Logs(int last = 40) =>
        Environment.NewLine + "agent log:" + Environment.NewLine + string.Join(
            Environment.NewLine,
            _host.Services.GetFakeLogCollector().GetSnapshot()
                .Where(r => r.Level >= LogLevel.Information)
                .TakeLast(last)
                .Select(r => $"  {r.Level} {r.Category}: {r.Message}{(r.Exception is null ? string.Empty : " | " + r.Exception.Message)}"));

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }
}
