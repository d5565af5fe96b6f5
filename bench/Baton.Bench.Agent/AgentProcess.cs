using System.Globalization;
using System.Security.Cryptography;
using Baton.Agent.Hosting;
using Baton.Agent.Options;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Baton.Bench.Agent;

/// <summary>
/// The agent role: a Baton agent on the Generic Host with default options except the handler
/// slots, polling <c>--types</c> custom action types <c>Test/Custom/BatonBench{i}/1</c> with
/// <see cref="BenchHandler"/>. Every 250 ms it writes its <see cref="StepStats"/> to <c>--stats</c>.
/// </summary>
internal static class AgentProcess
{
    public static async Task<int> RunAsync(BenchArguments args)
    {
        var endpoint = new Uri(args.String("endpoint"));
        var types = args.Int32("types", 1);
        var concurrency = args.Int32("concurrency", 1000);
        var statsFile = args.String("stats");
        var parent = args.Int32("parent", Environment.ProcessId);
        var stats = new StepStats();

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], DisableDefaults = true });
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton(stats);
        var agent = builder.Services
            .AddBatonAgent(o =>
            {
                o.AgentId = "bench-agent";
                o.StateDirectory = args.String("state");

                // A key of its own per run, as a replica set would share one; no generated-key warning.
                o.Continuation.Keys.Add(new ContinuationKeyOptions { Id = 1, Key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) });
            })
            .ConfigureCodePipelineClient(c =>
            {
                c.EndpointUrl = endpoint;
                c.Region = "us-east-1";
                c.Credentials = new AwsCredentials("test", "test");
            });
        for (var i = 0; i < types; i++)
        {
            agent.AddHandler<BenchHandler>(TypeId(i), h => h.MaxConcurrency = concurrency);
        }

        using var host = builder.Build();
        await host.StartAsync();
        var stopping = host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        try
        {
            // An agent whose driver is gone (killed) stops too, so no agent outlives a benchmark run.
            while (!stopping.IsCancellationRequested && Directory.Exists($"/proc/{parent}"))
            {
                await WriteAtomicallyAsync(statsFile, stats.Snapshot());
                await Task.Delay(TimeSpan.FromMilliseconds(250), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }

        await host.StopAsync();
        await WriteAtomicallyAsync(statsFile, stats.Snapshot());
        return 0;
    }

    public static string TypeId(int index) => string.Create(CultureInfo.InvariantCulture, $"Test/Custom/BatonBench{index}/1");

    private static async Task WriteAtomicallyAsync(string path, string text)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text);
        File.Move(temporary, path, overwrite: true);
    }
}
