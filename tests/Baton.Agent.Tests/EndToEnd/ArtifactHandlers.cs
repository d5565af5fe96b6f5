using Baton.Agent.Artifacts;
using Baton.Agent.Handlers;

namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// The build action of the artifact tests: extracts <c>SourceOutput</c>, writes <c>result.txt</c>
/// (<c>built: </c> + the source's <c>input.txt</c>) and uploads it as <c>BuildOutput</c>.
/// </summary>
internal sealed class BuildHandler(string workRoot) : IJobHandler
{
    public const string Output = "BuildOutput";

    public async ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = Path.Combine(workRoot, job.JobId, "in");
        var output = Path.Combine(workRoot, job.JobId, "out");
        await job.ExtractInputAsync(E2ePipelines.SourceArtifact, input, cancellationToken);
        Directory.CreateDirectory(output);
        var source = await File.ReadAllTextAsync(Path.Combine(input, "input.txt"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(output, "result.txt"), "built: " + source, cancellationToken);
        await job.UploadOutputAsync(Output, output, cancellationToken);
        return StepResult.Succeed("Built " + Output + ".");
    }

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The build action takes one step.");
}

/// <summary>The downstream action: extracts <c>BuildOutput</c> and reports its <c>result.txt</c> in the summary.</summary>
internal sealed class VerifyHandler(string workRoot) : IJobHandler
{
    public async ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        var input = Path.Combine(workRoot, job.JobId, "in");
        await job.ExtractInputAsync(BuildHandler.Output, input, cancellationToken);
        var result = await File.ReadAllTextAsync(Path.Combine(input, "result.txt"), cancellationToken);
        // The summary, not an output variable: third-party actions have none.
        return StepResult.Succeed($"Read {BuildHandler.Output}: {result}");
    }

    public ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("The verify action takes one step.");
}
