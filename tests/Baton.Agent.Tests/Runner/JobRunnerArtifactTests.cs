using Baton.Agent.Artifacts;
using Baton.Agent.Handlers;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging.Testing;

namespace Baton.Agent.Tests.Runner;

public sealed class JobRunnerArtifactTests : IDisposable
{
    private readonly RunnerHarness _h = new();
    private readonly TempDirectory _work = new();

    [Fact]
    public async Task RunAsync_HandlerAsksForUnknownInput_ReportsOneConfigurationErrorCarryingExternalExecutionId()
    {
        _h.Handler.OnContinue = async (job, _, ct) =>
        {
            await job.ExtractInputAsync("Missing", _work.Path, ct);
            return StepResult.Succeed();
        };

        await _h.CreateRunner(Factory()).RunAsync(RunnerHarness.CustomJob(_h.Token("s", externalExecutionId: "ext-7")), CancellationToken.None);

        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Empty(_h.Jobs.Successes);
        Assert.Equal(FailureType.ConfigurationError, failure.Type);
        Assert.Contains("'Missing'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("App", failure.Message, StringComparison.Ordinal);
        Assert.Equal("ext-7", failure.ExternalExecutionId);
    }

    [Theory]
    [InlineData(ArtifactFailureReason.NotFound, FailureType.RevisionUnavailable)]
    [InlineData(ArtifactFailureReason.AccessDenied, FailureType.PermissionError)]
    [InlineData(ArtifactFailureReason.Unavailable, FailureType.SystemUnavailable)]
    [InlineData(ArtifactFailureReason.PathTraversal, FailureType.JobFailed)]
    public async Task RunAsync_ArtifactThrowsArtifactException_ReportsItsFailureTypeAndMessageOnce(ArtifactFailureReason reason, string expectedType)
    {
        var thrown = new ArtifactException(reason, "App", "Input artifact 'App' failed: fix the thing.");
        _h.Handler.OnContinue = (_, _, _) => throw thrown;

        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(_h.Token("s")), CancellationToken.None);

        var failure = Assert.Single(_h.Jobs.Failures).FailureDetails;
        Assert.Empty(_h.Jobs.Successes);
        Assert.Equal(expectedType, failure.Type);
        Assert.Equal(thrown.Message, failure.Message);
        Assert.Equal("ext-42", failure.ExternalExecutionId);
    }

    [Fact]
    public async Task RunAsync_WithFactory_HandlerGetsJobArtifactsWhoseWorkDirectoryIsDeletedAfterTheStep()
    {
        IJobArtifacts? seen = null;
        string? workDirectory = null;
        _h.Handler.OnStart = (job, _) =>
        {
            seen = job.Artifacts;
            workDirectory = ((JobArtifacts)job.Artifacts).WorkDirectory;
            Directory.CreateDirectory(workDirectory);
            return ValueTask.FromResult(StepResult.Succeed());
        };

        await _h.CreateRunner(Factory()).RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        var artifacts = Assert.IsType<JobArtifacts>(seen);
        Assert.Equal("App", Assert.Single(artifacts.Inputs).Name);
        Assert.StartsWith(_work.Path, workDirectory, StringComparison.Ordinal);
        Assert.False(Directory.Exists(workDirectory));
        Assert.Single(_h.Jobs.Successes);
    }

    [Fact]
    public async Task RunAsync_WithoutFactory_HandlerGetsUnavailableArtifacts()
    {
        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Same(UnavailableJobArtifacts.Instance, Assert.Single(_h.Handler.Calls).Job.Artifacts);
    }

    [Fact]
    public async Task RunAsync_ThirdPartyJob_ContextCarriesTheClientId()
    {
        var job = RunnerHarness.ThirdPartyJob();

        await _h.CreateRunner().RunAsync(job, CancellationToken.None);

        var context = Assert.Single(_h.Handler.Calls).Job;
        Assert.NotNull(job.Reference.ClientId);
        Assert.Equal(job.Reference.ClientId, context.ClientId);
    }

    [Fact]
    public async Task RunAsync_CustomJob_ContextHasNoClientId()
    {
        await _h.CreateRunner().RunAsync(RunnerHarness.CustomJob(), CancellationToken.None);

        Assert.Null(Assert.Single(_h.Handler.Calls).Job.ClientId);
    }

    public void Dispose() => _work.Dispose();

    private JobArtifactsFactory Factory() => new(
        Microsoft.Extensions.Options.Options.Create(new ArtifactOptions { WorkDirectory = _work.Path }), _h.Time, new FakeLogger<JobArtifactsFactory>());
}
