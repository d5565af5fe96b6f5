using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Baton.Chaos.Backend;
using Baton.Chaos.Faults;
using Baton.Chaos.Pipelines;
using Baton.Chaos.Processes;
using Baton.Chaos.Reporting;

namespace Baton.Chaos;

/// <summary>
/// One chaos run: the fake backend (in this process), the emulator and the agent replicas (child
/// processes, loopback only); N pipelines started once; then the fault plan plays while the
/// executions run, until every execution has ended or the deadline passes. Every child process is
/// killed when the run ends, however it ends.
/// </summary>
internal sealed class ChaosScenario(ChaosProfile profile, JournalChoice journal, TextWriter log, TimeProvider time)
{
    public async Task<ChaosReport> RunAsync(string workDirectory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(workDirectory);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        await using var backend = await FakeBackend.StartAsync(time, Path.Combine(workDirectory, "backend.log"), cancellationToken);
        await using var emulator = new EmulatorProcess(FreeLoopbackPort(), workDirectory, profile, time);
        var replicas = new List<AgentReplica>();
        try
        {
            log.WriteLine($"chaos: profile {profile.Name}, seed {profile.Seed}, journal {journal.Name}, work directory {workDirectory}");
            await emulator.StartAsync(cancellationToken);
            var client = ChaosCredentials.CreateClient(http, emulator.Endpoint, time);
            var pipelines = new ChaosPipelines(client, http, emulator.Endpoint, time);
            await pipelines.CreateAsync(profile, backend.BaseAddress, cancellationToken);
            var journalArguments = await journal.PrepareAsync(cancellationToken);
            var environment = AgentEnvironment(emulator.Endpoint, workDirectory);
            for (var i = 1; i <= profile.Replicas; i++)
            {
                var replica = new AgentReplica($"replica-{i}", workDirectory, environment, journalArguments);
                replicas.Add(replica);
                replica.Start();
            }

            var executions = await pipelines.StartAllAsync(profile, cancellationToken);
            var ready = await Task.WhenAll(replicas.Select(r => r.WaitReadyAsync(TimeSpan.FromSeconds(60), time, cancellationToken)));
            log.WriteLine($"chaos: {executions.Count} executions started, {ready.Count(r => r)} of {profile.Replicas} replicas polling; faults begin");
            var counters = new EmulatorCounters();
            await EmulatorFaults.InstallAsync(http, emulator.Endpoint, profile, profile.Seed, cancellationToken);
            var started = time.GetUtcNow();
            var player = new FaultPlayer(
                replicas,
                emulator,
                onEmulatorRestarted: (restarts, ct) => EmulatorFaults.InstallAsync(http, emulator.Endpoint, profile, profile.Seed + restarts, ct),
                beforeEmulatorRestart: ct => counters.CollectAsync(http, emulator.Endpoint, ct),
                profile.EmulatorDowntime,
                time,
                log);
            using var faultsDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var playing = player.PlayAsync(FaultPlan.Create(profile), faultsDone.Token, cancellationToken);
            var statuses = await new ExecutionWatcher(client, time).WaitAsync(executions, started + profile.Deadline, cancellationToken);
            await faultsDone.CancelAsync();
            await playing;
            await CollectFinalCountersAsync(http, emulator.Endpoint, counters, cancellationToken);
            return new ChaosReport
            {
                Profile = profile,
                Journal = journal.Name,
                Duration = time.GetUtcNow() - started,
                ExecutionStatuses = statuses,
                Backend = backend.Ledger.Summarize(profile.Steps),
                Emulator = counters,
                Kills = player.Kills,
                GracefulStops = replicas.Sum(r => r.GracefulStops),
                UngracefulStops = replicas.Sum(r => r.UngracefulStops),
                RollingRestarts = player.RollingRestarts,
                EmulatorRestarts = player.EmulatorRestarts,
            };
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }

            await journal.CleanUpAsync();
        }
    }

    private async Task CollectFinalCountersAsync(HttpClient http, Uri emulator, EmulatorCounters counters, CancellationToken cancellationToken)
    {
        // The admin API is not subject to the faults; the emulator may still be coming back up.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await counters.CollectAsync(http, emulator, cancellationToken);
                return;
            }
            catch (HttpRequestException) when (attempt < 10)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
            }
        }
    }

    private static Dictionary<string, string> AgentEnvironment(Uri emulator, string workDirectory) => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = emulator.AbsoluteUri.TrimEnd('/'),
        ["AWS_REGION"] = ChaosCredentials.Region,
        ["AWS_ACCESS_KEY_ID"] = ChaosCredentials.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = ChaosCredentials.SecretKey,
        ["AWS_CONFIG_FILE"] = Path.Combine(workDirectory, "no-aws-config"),
        ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(workDirectory, "no-aws-credentials"),
        ["AWS_EC2_METADATA_DISABLED"] = "true",
        ["Baton__Agent__Continuation__Keys__0__Id"] = "1",
        ["Baton__Agent__Continuation__Keys__0__Key"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    };

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
