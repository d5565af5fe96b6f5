using System.Net.Sockets;
using Baton.CodePipeline;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Infrastructure;

/// <summary>
/// Turns every exception that leaves a command into one short message on the console and one of
/// the documented <see cref="ExitCodes"/>. Stack traces are never shown: each message says what
/// went wrong and what to change.
/// </summary>
internal static class CliErrors
{
    public static int Handle(IAnsiConsole console, Exception exception, CancellationToken cancellation)
    {
        var (code, message) = Classify(exception, cancellation);
        if (code == ExitCodes.UsageError && exception is CommandAppException { Pretty: { } pretty })
        {
            console.Write(pretty);
            return code;
        }

        if (message.Length > 0)
        {
            console.MarkupLineInterpolated($"[red]error:[/] {message}");
        }

        return code;
    }

    public static (int Code, string Message) Classify(Exception exception, CancellationToken cancellation) => exception switch
    {
        OperationCanceledException when cancellation.IsCancellationRequested => (ExitCodes.Cancelled, "cancelled."),
        CommandAppException app => (ExitCodes.UsageError, app.Message),
        CliUsageException usage => (ExitCodes.UsageError, usage.Message),
        Commands.Demo.DemoException demo => (ExitCodes.ServiceError, demo.Message),
        OptionsValidationException options => (ExitCodes.UsageError, options.Message),
        CodePipelineServiceException service =>
            (ExitCodes.ServiceError, $"{service.ErrorCode} (HTTP {(int)service.StatusCode}): {service.Message}"),
        HttpRequestException http => (ExitCodes.ServiceError, $"the endpoint could not be reached: {Reason(http)}"),
        TaskCanceledException => (ExitCodes.ServiceError, "the endpoint did not answer in time."),
        InvalidOperationException configuration => (ExitCodes.UsageError, configuration.Message),
        _ => (ExitCodes.ServiceError, $"{exception.GetType().Name}: {exception.Message}"),
    };

    private static string Reason(HttpRequestException exception) => exception.InnerException switch
    {
        SocketException socket => $"{exception.Message} ({socket.SocketErrorCode})",
        _ => exception.Message,
    };
}

/// <summary>A mistake in the command line or in a file it names; exits with <see cref="ExitCodes.UsageError"/>.</summary>
public sealed class CliUsageException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliUsageException()
    {
    }

    /// <summary>Creates the exception with what to fix.</summary>
    /// <param name="message">What is wrong and what to change.</param>
    public CliUsageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with what to fix and its cause.</summary>
    /// <param name="message">What is wrong and what to change.</param>
    /// <param name="innerException">The cause.</param>
    public CliUsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
