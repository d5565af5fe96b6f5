using System.ComponentModel;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Pipeline;

/// <summary>The arguments of <c>baton pipeline status</c>.</summary>
public sealed class PipelineStatusSettings : PipelineSettings
{
    /// <summary>Print GetPipelineState's answer as JSON.</summary>
    [CommandOption("--json")]
    [Description("Print GetPipelineState's answer as JSON (as 'aws codepipeline get-pipeline-state' does)")]
    public bool Json { get; set; }
}
