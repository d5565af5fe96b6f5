using System.Net;
using System.Text;
using Baton.Cli.Commands.Pipeline;
using Baton.Cli.Infrastructure;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Handler;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Demo;

/// <summary>
/// <c>baton demo</c>: the whole story in one process on 127.0.0.1. Starts the emulator, the
/// load-test service, a sample app and an agent; registers the BatonLoadTest third-party action
/// type; creates the pipeline Source (S3) → LoadTest → Release (manual approval); connects the
/// action through the vendor's sign-up page; uploads the sample source; starts an execution and
/// follows it (<see cref="DemoWatch"/>), approving the release itself. Exits
/// <see cref="ExitCodes.Success"/> when the execution succeeds and <see cref="ExitCodes.WorkFailed"/>
/// when it fails (always so with <c>--fail</c>) or does not end in time.
/// </summary>
/// <param name="console">Where the story goes.</param>
/// <param name="mode">Live view or plain lines.</param>
/// <param name="timeProvider">The clock.</param>
public sealed class DemoCommand(IAnsiConsole console, TerminalMode mode, TimeProvider timeProvider) : AsyncCommand<DemoSettings>
{
    private const int PlainWidth = 4096;

    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var scenario = new DemoScenario(settings.Fail, settings.DurationValue, settings.Thresholds?.Trim() ?? DemoScenario.DefaultThresholds);
        var started = timeProvider.GetTimestamp();
        var live = mode.Live && !settings.Plain;
        if (!live)
        {
            // Plain lines are for logs and pipes: one line per event, never wrapped at the console width.
            console.Profile.Width = Math.Max(console.Profile.Width, PlainWidth);
        }

        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        await using var services = await DemoServices.StartAsync(timeProvider, cancellationToken);
        await DemoTargetApp.WarmUpAsync(http, services.Target, cancellationToken);
        var client = services.CreateClient(http, timeProvider);
        console.WriteLine("Baton demo: a CodePipeline emulator, a load-test vendor service, a sample app and a job agent, in this process on 127.0.0.1.");
        console.WriteLine($"  Emulator:          {services.Emulator} (CodePipeline + S3 in memory; AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test)");
        console.WriteLine($"  Console:           {services.Console}");
        console.WriteLine($"  Load-test service: {services.Service}");
        console.WriteLine($"  Sample app:        {services.Target}");

        await RegisterActionTypeAsync(http, services, cancellationToken);
        var steps = new DemoStepLog();
        await using var agent = await DemoAgent.StartAsync(services.Emulator, services.Credentials, services.Service, services.Clients, steps, timeProvider, cancellationToken);
        console.WriteLine($"[2/6] Agent started: polls PollForThirdPartyJobs for {Hosting.AgentCommand.DefaultActionType} and runs the load-test handler.");

        var configuration = scenario.LoadTestConfiguration(services.Target);
        await client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = DemoPipeline.Declaration(configuration) }, cancellationToken);
        console.WriteLine($"[3/6] Created pipeline {DemoScenario.PipelineName}: Source (S3) -> LoadTest (BatonLoadTest) -> Release (manual approval).");

        var (signup, connected) = await DemoHandshake.ConnectAsync(http, services.Emulator, LoadTestAccount.Demo.ApiKey, configuration, cancellationToken);
        console.WriteLine($"[4/6] Connected the LoadTest action: emulator handshake -> sign-up page {signup} (account {LoadTestAccount.Demo.Id}) -> back to the emulator; pipeline version {connected.PipelineVersion}.");

        var size = await DemoSource.UploadAsync(http, services.Emulator, services.Credentials, timeProvider, cancellationToken);
        console.WriteLine($"[5/6] Uploaded the sample source to s3://{DemoPipeline.SourceBucket}/{DemoPipeline.SourceKey} ({size} bytes).");

        var execution = await client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = DemoScenario.PipelineName }, cancellationToken);
        var executionId = execution.PipelineExecutionId!;
        console.WriteLine($"[6/6] Started execution {executionId}: {scenario.Describe(services.Target)}.");
        console.WriteLine();

        var watch = new DemoWatch(console, new PipelineWatcher(client, timeProvider), new DemoApprover(client), steps, timeProvider);
        var (last, timedOut) = await watch.RunAsync(executionId, live, scenario.Deadline, cancellationToken);
        var exitCode = Conclude(executionId, last, timedOut, scenario);
        if (last is not null)
        {
            await new DemoReport(console, services).WriteAsync(last, new LoadTestServiceClient(http), cancellationToken);
        }

        console.WriteLine($"The demo took {DurationText.Format(timeProvider.GetElapsedTime(started))}.");
        if (settings.Keep)
        {
            await KeepRunningAsync(services, cancellationToken);
        }

        return exitCode;
    }

    private async Task RegisterActionTypeAsync(HttpClient http, DemoServices services, CancellationToken cancellationToken)
    {
        using var body = new StringContent(LoadTestActionType.DefinitionJson(services.Service), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(services.Emulator, "/_baton/third-party-action-types"), body, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new DemoException(
                $"Registering the BatonLoadTest action type failed: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }

        console.WriteLine($"[1/6] Registered the third-party action type {Hosting.AgentCommand.DefaultActionType} (Details link {services.Service}tests/{{ExternalExecutionId}}).");
    }

    private int Conclude(string executionId, PipelineSnapshot? last, bool timedOut, DemoScenario scenario)
    {
        console.WriteLine();
        if (timedOut)
        {
            console.MarkupLineInterpolated(
                $"[red]Execution {executionId} did not end within {DurationText.Format(scenario.Deadline)}[/]; it is still {last?.Status ?? "unknown"}.");
            return ExitCodes.WorkFailed;
        }

        var status = last?.Status ?? "unknown";
        if (status == "Succeeded")
        {
            console.MarkupLineInterpolated($"[green]Execution {executionId} ended: Succeeded.[/]");
            return ExitCodes.Success;
        }

        console.MarkupLineInterpolated($"[red]Execution {executionId} ended: {status}.[/] {last?.Execution?.StatusSummary}");
        return ExitCodes.WorkFailed;
    }

    private async Task KeepRunningAsync(DemoServices services, CancellationToken cancellationToken)
    {
        console.WriteLine();
        console.WriteLine($"Everything keeps running: browse the console at {services.Console} and the load-test service at {services.Service}.");
        console.WriteLine("Press Ctrl-C to stop.");
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, timeProvider, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.WriteLine("Stopping the demo.");
        }
    }
}
