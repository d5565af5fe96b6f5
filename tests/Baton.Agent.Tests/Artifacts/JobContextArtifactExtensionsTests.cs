using Baton.Agent.Artifacts;
using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Artifacts;

public sealed class JobContextArtifactExtensionsTests
{
    [Fact]
    public async Task ExtractInputAsync_UnknownName_ConfigurationErrorListingTheInputs()
    {
        var job = new JobContext
        {
            JobId = "job-1",
            IsThirdParty = false,
            ActionTypeId = new ActionTypeId { Category = "Test", Owner = "Custom", Provider = "Baton", Version = "1" },
            Configuration = new JobConfiguration(null),
            Pipeline = new JobPipelineContext("pipe", "Test", "Load", null),
            Step = 1,
            ActionStartedAt = DateTimeOffset.UnixEpoch,
            IdempotencyKey = "job-1",
            InputArtifacts = [new JobArtifact("SourceOutput", "bucket", "key")],
        };

        var exception = await Assert.ThrowsAsync<ArtifactException>(async () => await job.ExtractInputAsync("Source", "/tmp/unused", CancellationToken.None));

        Assert.Equal(FailureType.ConfigurationError, exception.FailureType);
        Assert.Contains("no input artifact named 'Source'", exception.Message);
        Assert.Contains("'SourceOutput'", exception.Message);
    }
}
