namespace Baton.Emulator.Hosting;

/// <summary>The outcome of <see cref="EmulatorCommandLine.Parse"/>.</summary>
public sealed class EmulatorCommandLineResult
{
    private EmulatorCommandLineResult(EmulatorOptions? options, bool helpRequested, string? error)
    {
        Options = options;
        HelpRequested = helpRequested;
        Error = error;
    }

    /// <summary>The parsed options, when the command line was valid.</summary>
    public EmulatorOptions? Options { get; }

    /// <summary>Whether <c>--help</c> was given.</summary>
    public bool HelpRequested { get; }

    /// <summary>What is wrong with the command line, or <see langword="null"/>.</summary>
    public string? Error { get; }

    internal static EmulatorCommandLineResult Success(EmulatorOptions options) => new(options, false, null);

    internal static EmulatorCommandLineResult Help() => new(null, true, null);

    internal static EmulatorCommandLineResult Fail(string error) => new(null, false, error);
}
