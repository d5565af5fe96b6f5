using Baton.Agent.Artifacts;
using Baton.Agent.Handlers;
using Baton.Agent.Jobs;
using Baton.Agent.Tests.Artifacts;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace Baton.Agent.Tests.Corpus;

/// <summary>
/// Runs each corpus case through the real <see cref="Baton.Agent.Runner.JobRunner"/> with a handler that reads
/// its configuration through the typed accessors and extracts its input artifact, against the
/// emulator's S3 API. Every job ends, within a bound, in exactly one report: the case's failure
/// type and a message that says what is wrong, or a success where nothing the step needs is missing.
/// </summary>
public sealed class AgentBadInputCorpusTests : IAsyncLifetime
{
    private readonly RunnerHarness _h = new();
    private readonly TempDirectory _work = new();
    private ArtifactTestBed _bed = null!;

    public static TheoryData<string> Cases => [.. AgentBadInputCorpus.Cases.Keys];

    public async Task InitializeAsync() => _bed = await ArtifactTestBed.StartAsync();

    public async Task DisposeAsync()
    {
        await _bed.DisposeAsync();
        _work.Dispose();
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RunAsync_BadInput_EndsInExactlyOneSpecificReport(string name)
    {
        var corpusCase = AgentBadInputCorpus.Cases[name];
        if (corpusCase.InputZip is { } zip)
        {
            await _bed.Host.PutAsync("corpus/app.zip", zip);
        }

        if (corpusCase.S3Error is { } code)
        {
            _bed.Host.Fault = async context =>
            {
                await ArtifactS3Host.WriteErrorAsync(context, 400, code, "The provided token has expired.");
                return true;
            };
        }

        _h.Handler.OnStart = (job, ct) => ReadConfigurationAndInputAsync(job, ct);
        _h.Handler.OnContinue = (job, _, ct) => ReadConfigurationAndInputAsync(job, ct);
        var token = corpusCase.Token(new CorpusTokens(_h));
        var job = new PolledJob(new JobReference(RunnerHarness.NewJobId(), IsThirdParty: false), "1", corpusCase.Data(token));
        var runner = _h.CreateRunner(new JobArtifactsFactory(
            Microsoft.Extensions.Options.Options.Create(_bed.Options(corpusCase.Caps)), TimeProvider.System, new FakeLogger<JobArtifactsFactory>()));

        await runner.RunAsync(job, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(1, _h.Jobs.Reports);
        if (corpusCase.Expected is null)
        {
            Assert.Single(_h.Jobs.Successes);
            return;
        }

        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Equal(corpusCase.Expected, failure.Type);
        Assert.Contains(corpusCase.MessagePart, failure.Message, StringComparison.Ordinal);
        Assert.InRange(failure.Message.Length, 1, 5000);
        Assert.False(Directory.Exists(Path.Combine(_bed.Root, "escape.txt")), "nothing is written outside the extraction directory");
    }

    private async ValueTask<StepResult> ReadConfigurationAndInputAsync(JobContext job, CancellationToken cancellationToken)
    {
        var configuration = job.Configuration;
        _ = configuration.GetUri("Target");
        _ = configuration.GetInt32("Rate", 10);
        _ = configuration.GetTimeSpan("Duration", TimeSpan.FromMinutes(1));
        _ = configuration.GetBoolean("Verbose", false);
        if (configuration.GetString("Input") is { } input)
        {
            await job.ExtractInputAsync(input, Path.Combine(_work.Path, job.JobId), cancellationToken);
        }

        return StepResult.Succeed("checked");
    }
}
