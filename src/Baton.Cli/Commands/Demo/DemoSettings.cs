using System.ComponentModel;
using Baton.Cli.Infrastructure;
using Baton.LoadTest.Engine.Thresholds;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Demo;

/// <summary>The arguments of <c>baton demo</c>.</summary>
public sealed class DemoSettings : CommandSettings
{
    /// <summary>The shortest load test the demo runs: enough for a few continuation steps.</summary>
    public static readonly TimeSpan MinDuration = TimeSpan.FromSeconds(5);

    /// <summary>The longest load test the demo runs.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(30);

    /// <summary>Load the failing endpoint, so the thresholds fail.</summary>
    [CommandOption("--fail")]
    [Description("Load the sample app's slow, failing /checkout endpoint instead (600 ms, 503 to every fourth request): the thresholds fail, the pipeline fails and the exit code is 1")]
    public bool Fail { get; set; }

    /// <summary>Keep the services running at the end.</summary>
    [CommandOption("--keep")]
    [Description("After the pipeline ends, keep the emulator, its console, the load-test service and the agent running until Ctrl-C")]
    public bool Keep { get; set; }

    /// <summary>The load test's length.</summary>
    [CommandOption("--duration <DURATION>")]
    [Description("How long the load test sends requests, 5s to 30m; the whole demo takes about 15 s more")]
    [DefaultValue("40s")]
    public string Duration { get; set; } = "40s";

    /// <summary>The load test's thresholds.</summary>
    [CommandOption("--thresholds <EXPR>")]
    [Description("The load test's pass/fail thresholds (default: p95<500ms; errors<1%)")]
    public string? Thresholds { get; set; }

    /// <summary>Plain lines instead of the live view.</summary>
    [CommandOption("--plain")]
    [Description("Write one line per change instead of the live table (the default when output is redirected)")]
    public bool Plain { get; set; }

    /// <summary>The load test's length, once validated.</summary>
    public TimeSpan DurationValue => DurationText.Read(Duration, TimeSpan.FromSeconds(40));

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (DurationText.Check("--duration", Duration) is { } error)
        {
            return ValidationResult.Error(error);
        }

        if (DurationValue < MinDuration || DurationValue > MaxDuration)
        {
            return ValidationResult.Error($"--duration: '{Duration}' is out of range; use 5s to 30m (the load test needs a few seconds for its continuation steps).");
        }

        try
        {
            _ = Thresholds is null ? null : ThresholdParser.Parse(Thresholds);
            return ValidationResult.Success();
        }
        catch (ThresholdParseException exception)
        {
            return ValidationResult.Error($"--thresholds \"{Thresholds}\": {exception.Message}");
        }
    }
}
