using Baton.Agent.Artifacts;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Corpus;

/// <summary>
/// One case of the agent's bad-input corpus: the job as CodePipeline would deliver it, what the
/// artifact store holds, and the single report the job must end with.
/// </summary>
/// <param name="Name">The case's name in the table (and in docs/reliability.md).</param>
/// <param name="Data">The job data, given the case's continuation token.</param>
/// <param name="Token">Builds the incoming continuation token from a good one (null: a first job).</param>
/// <param name="Expected">The report: a failure type, or <see langword="null"/> for a success.</param>
/// <param name="MessagePart">A part of the failure message that says what went wrong.</param>
internal sealed record AgentCase(string Name, Func<string?, JobData?> Data, Func<CorpusTokens, string?> Token, string? Expected, string MessagePart)
{
    /// <summary>The input artifact's bytes in the S3 store, if the case has one.</summary>
    public byte[]? InputZip { get; init; }

    /// <summary>Tightens the extraction caps for the case.</summary>
    public Action<ArtifactOptions>? Caps { get; init; }

    /// <summary>Answers every S3 request with this error code (400), as for expired artifact credentials.</summary>
    public string? S3Error { get; init; }

    public override string ToString() => Name;
}
