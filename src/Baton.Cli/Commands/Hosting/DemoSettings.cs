using System.ComponentModel;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.Hosting;

/// <summary>The arguments of <c>baton demo</c>.</summary>
public sealed class DemoSettings : CommandSettings
{
    /// <summary>Make the load test fail its thresholds.</summary>
    [CommandOption("--fail")]
    [Description("Use thresholds the load test cannot meet, to show a failing action and pipeline")]
    public bool Fail { get; set; }

    /// <summary>Keep the services running at the end.</summary>
    [CommandOption("--keep")]
    [Description("Keep the emulator and the load-test service running after the pipeline ends")]
    public bool Keep { get; set; }

    /// <summary>The load test's length.</summary>
    [CommandOption("--duration <DURATION>")]
    [Description("How long the demo load test sends")]
    [DefaultValue("30s")]
    public string Duration { get; set; } = "30s";
}
