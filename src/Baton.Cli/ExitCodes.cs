namespace Baton.Cli;

/// <summary>
/// The exit codes of every <c>baton</c> command, one meaning each, so scripts and CI steps can
/// tell "the work failed" from "the command was wrong" from "the service could not be reached":
/// <list type="table">
/// <item><term>0</term><description><see cref="Success"/>: the command did its work; a watched pipeline execution succeeded; every load-test threshold passed.</description></item>
/// <item><term>1</term><description><see cref="WorkFailed"/>: the work ran and failed: a pipeline execution failed, was stopped or superseded (also the demo's pipeline, e.g. with <c>baton demo --fail</c>), a watch timed out, a load-test threshold failed.</description></item>
/// <item><term>2</term><description><see cref="UsageError"/>: bad arguments or configuration (unknown option, invalid value, bad threshold expression, missing or invalid file, no region); nothing was done.</description></item>
/// <item><term>3</term><description><see cref="NotAvailable"/>: the command is not available in this build (reserved; every command of this build is available).</description></item>
/// <item><term>4</term><description><see cref="ServiceError"/>: the endpoint could not be reached or answered with an error (for example <c>PipelineNotFoundException</c>).</description></item>
/// <item><term>130</term><description><see cref="Cancelled"/>: stopped by Ctrl-C or SIGTERM (128 + SIGINT, as shells report Ctrl-C).</description></item>
/// </list>
/// </summary>
public static class ExitCodes
{
    /// <summary>The command did its work.</summary>
    public const int Success = 0;

    /// <summary>The work ran and failed (pipeline failed or stopped, threshold failed, watch timed out).</summary>
    public const int WorkFailed = 1;

    /// <summary>Bad arguments or configuration; nothing was done.</summary>
    public const int UsageError = 2;

    /// <summary>The command is not available in this build.</summary>
    public const int NotAvailable = 3;

    /// <summary>The endpoint could not be reached or answered with an error.</summary>
    public const int ServiceError = 4;

    /// <summary>Stopped by Ctrl-C.</summary>
    public const int Cancelled = 130;
}
