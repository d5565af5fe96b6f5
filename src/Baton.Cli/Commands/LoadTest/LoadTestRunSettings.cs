using System.ComponentModel;
using System.Globalization;
using Baton.Cli.Infrastructure;
using Baton.LoadTest.Engine.Thresholds;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>The arguments of <c>baton loadtest run</c>.</summary>
public sealed class LoadTestRunSettings : CommandSettings
{
    /// <summary>The URL to load.</summary>
    [CommandArgument(0, "<url>")]
    [Description("The http or https URL to send requests to (loopback only unless --allow-any-target)")]
    public string Url { get; set; } = string.Empty;

    /// <summary>Open model: requests per second.</summary>
    [CommandOption("--rate <N>")]
    [Description("Open model: N requests per second whatever the target does (latency measured from the planned send time). Default 10 when --users is not given")]
    public double? Rate { get; set; }

    /// <summary>Closed model: virtual users.</summary>
    [CommandOption("--users <N>")]
    [Description("Closed model: N virtual users, each sending, waiting for the answer and thinking")]
    public int? Users { get; set; }

    /// <summary>How long to send.</summary>
    [CommandOption("-d|--duration <DURATION>")]
    [Description("How long to send, e.g. 30s, 5m (required)")]
    public string? Duration { get; set; }

    /// <summary>The ramp-up, part of the duration.</summary>
    [CommandOption("--ramp-up <DURATION>")]
    [Description("Reach the full rate (or start all users) over this time, part of --duration")]
    public string? RampUp { get; set; }

    /// <summary>The closed model's think time.</summary>
    [CommandOption("--think-time <DURATION>")]
    [Description("Closed model: pause of each user between an answer and its next request")]
    public string? ThinkTime { get; set; }

    /// <summary>The thresholds expression.</summary>
    [CommandOption("-t|--thresholds <EXPR>")]
    [Description("Pass/fail rules, e.g. \"p95<300ms; errors<1%; rps>=50\" (metrics pNN, mean, min, max, errors, rps)")]
    public string? Thresholds { get; set; }

    /// <summary>The HTTP method.</summary>
    [CommandOption("-X|--method <METHOD>")]
    [Description("HTTP method")]
    [DefaultValue("GET")]
    public string Method { get; set; } = "GET";

    /// <summary>Request headers as <c>Name:Value</c>.</summary>
    [CommandOption("-H|--header <NAME:VALUE>")]
    [Description("Request header, repeatable, e.g. --header \"Accept: application/json\"")]
    public string[] Headers { get; set; } = [];

    /// <summary>The request body.</summary>
    [CommandOption("--body <TEXT>")]
    [Description("Request body (UTF-8 text)")]
    public string? Body { get; set; }

    /// <summary>Connections per server.</summary>
    [CommandOption("--connections <N>")]
    [Description("Connections to the server (default: the number of users, or 100 for --rate)")]
    public int? Connections { get; set; }

    /// <summary>Speak HTTP/2.</summary>
    [CommandOption("--http2")]
    [Description("Use HTTP/2 (h2c on loopback, or TLS)")]
    public bool Http2 { get; set; }

    /// <summary>The per-request timeout.</summary>
    [CommandOption("--timeout <DURATION>")]
    [Description("A request without a complete answer by then counts as a timeout error")]
    [DefaultValue("10s")]
    public string Timeout { get; set; } = "10s";

    /// <summary>Write the result as JSON.</summary>
    [CommandOption("--json")]
    [Description("Print the result as one JSON document on stdout (no live view, no tables)")]
    public bool Json { get; set; }

    /// <summary>Allow targets that are not on this machine.</summary>
    [CommandOption("--allow-any-target")]
    [Description("Allow a target that is not on this machine. Load is real traffic: only load systems you own and may test")]
    public bool AllowAnyTarget { get; set; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        var error = CheckUrl() ?? CheckModel() ?? CheckDurations() ?? CheckHeaders() ?? CheckThresholds();
        return error is null ? ValidationResult.Success() : ValidationResult.Error(error);
    }

    private string? CheckUrl()
    {
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"<url>: '{Url}' is not an absolute http or https URL; use e.g. http://127.0.0.1:8080/.";
        }

        return AllowAnyTarget || TargetGuard.IsLoopback(url)
            ? null
            : $"<url>: '{Url}' is not on this machine. baton loadtest run sends real load, which aimed at a system you do not own is an attack; "
                + "only loopback targets (127.0.0.0/8, ::1, localhost) are allowed unless you pass --allow-any-target.";
    }

    private string? CheckModel() => (Rate, Users) switch
    {
        ({ }, { }) => "--rate and --users exclude each other: --rate is an open model (arrivals per second), --users a closed one (virtual users); give one.",
        ({ } rate, null) when !double.IsFinite(rate) || rate <= 0 || rate > 1_000_000 =>
            $"--rate: must be more than 0 and at most 1000000 requests per second, was {rate.ToString(CultureInfo.InvariantCulture)}.",
        (null, { } users) when users is < 1 or > 100_000 => $"--users: must be between 1 and 100000, was {users}.",
        (_, null) when ThinkTime is not null => "--think-time applies to virtual users; use it with --users, not --rate.",
        (_, _) when Connections is < 1 or > 100_000 => $"--connections: must be between 1 and 100000, was {Connections}.",
        _ => null,
    };

    private string? CheckDurations()
    {
        if (Duration is null)
        {
            return "--duration is required; say how long to send, e.g. --duration 30s.";
        }

        var error = DurationText.Check("--duration", Duration) ?? DurationText.Check("--ramp-up", RampUp, allowZero: true)
            ?? DurationText.Check("--think-time", ThinkTime, allowZero: true) ?? DurationText.Check("--timeout", Timeout);
        if (error is not null)
        {
            return error;
        }

        var rampUp = DurationText.Read(RampUp, TimeSpan.Zero);
        return rampUp > TimeSpan.Zero && rampUp >= DurationText.Read(Duration, TimeSpan.Zero)
            ? $"--ramp-up ({RampUp}) must be shorter than --duration ({Duration}); the ramp-up is part of the run."
            : null;
    }

    private string? CheckHeaders()
    {
        foreach (var header in Headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                return $"--header: '{header}' is not Name:Value; write e.g. --header \"Accept: application/json\".";
            }
        }

        return null;
    }

    private string? CheckThresholds()
    {
        if (string.IsNullOrWhiteSpace(Thresholds))
        {
            return null;
        }

        try
        {
            ThresholdParser.Parse(Thresholds);
            return null;
        }
        catch (ThresholdParseException exception)
        {
            return $"--thresholds \"{Thresholds}\": {exception.Message}";
        }
    }
}
