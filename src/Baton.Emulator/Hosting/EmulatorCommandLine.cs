using System.Globalization;
using System.Text.RegularExpressions;

namespace Baton.Emulator.Hosting;

/// <summary>
/// Reads the emulator's command line into <see cref="EmulatorOptions"/>. Every mistake gets a
/// message that names the option and says what to write instead.
/// </summary>
public static partial class EmulatorCommandLine
{
    /// <summary>The exit code for a bad command line.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The usage text printed for <c>--help</c> and after a command-line error.</summary>
    public static readonly string Usage = $"""
        Usage: Baton.Emulator [options]

          --port N                 TCP port on 127.0.0.1, 0 = any free port (default {EmulatorOptions.DefaultPort})
          --data-dir DIR           keep state (SQLite) and artifacts in DIR; survives restarts
          --in-memory              keep everything in memory (default when --data-dir is not given)
          --region NAME            AWS region (default us-east-1)
          --account-id ID          12-digit account id (default 123456789012)
          --auth verify|none       check SigV4 signatures (default verify)
          --access-key KEY         accepted access key id (default test)
          --secret-key SECRET      accepted secret access key (default test)
          --ack-timeout DURATION   redeliver a job not acknowledged in time (default 30s)
          --job-timeout DURATION   fail a job that reports no result in time (default 1h)
          --action-timeout DURATION fail an action execution that runs longer (default 24h)
          --continuation-delay DURATION  delay before a continuation job appears (default 0s)
          --help                   show this text

        Durations are a number followed by ms, s, m or h, e.g. 500ms, 30s, 5m, 1h.
        """;

    /// <summary>Parses <paramref name="args"/>.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <returns>The options, a request for help, or an error message.</returns>
    public static EmulatorCommandLineResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new EmulatorOptions();
        var inMemory = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var name = arg;
            string? inlineValue = null;
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            if (arg.StartsWith("--", StringComparison.Ordinal) && equals > 0)
            {
                name = arg[..equals];
                inlineValue = arg[(equals + 1)..];
            }

            switch (name)
            {
                case "--help" or "-h" or "-?":
                    return EmulatorCommandLineResult.Help();
                case "--in-memory":
                    inMemory = true;
                    continue;
            }

            string value;
            if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (IsKnown(name) && i + 1 < args.Count)
            {
                value = args[++i];
            }
            else if (IsKnown(name))
            {
                return EmulatorCommandLineResult.Fail($"{name}: a value is required.");
            }
            else
            {
                return EmulatorCommandLineResult.Fail($"Unknown option '{arg}'.");
            }

            var error = Apply(options, name, value);
            if (error is not null)
            {
                return EmulatorCommandLineResult.Fail(error);
            }
        }

        if (inMemory && options.DataDirectory is not null)
        {
            return EmulatorCommandLineResult.Fail("--in-memory and --data-dir exclude each other; give one of them.");
        }

        return EmulatorCommandLineResult.Success(options);
    }

    private static bool IsKnown(string name) => name is "--port" or "--data-dir" or "--region" or "--account-id"
        or "--auth" or "--access-key" or "--secret-key" or "--ack-timeout" or "--job-timeout"
        or "--action-timeout" or "--continuation-delay";

    private static string? Apply(EmulatorOptions options, string name, string value)
    {
        switch (name)
        {
            case "--port":
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
                {
                    return $"--port: '{value}' is not a port; use a number from 0 to 65535 (0 picks a free port).";
                }

                options.Port = port;
                return null;
            case "--data-dir":
                if (string.IsNullOrWhiteSpace(value))
                {
                    return "--data-dir: give a directory path.";
                }

                options.DataDirectory = value;
                return null;
            case "--region":
                if (!RegionPattern().IsMatch(value))
                {
                    return $"--region: '{value}' is not a region name; use for example us-east-1.";
                }

                options.Region = value;
                return null;
            case "--account-id":
                if (!AccountPattern().IsMatch(value))
                {
                    return $"--account-id: '{value}' is not an account id; use 12 digits, e.g. 123456789012.";
                }

                options.AccountId = value;
                return null;
            case "--auth":
                switch (value)
                {
                    case "verify":
                        options.Auth = EmulatorAuthMode.Verify;
                        return null;
                    case "none":
                        options.Auth = EmulatorAuthMode.None;
                        return null;
                    default:
                        return $"--auth: '{value}' is not an auth mode; use verify or none.";
                }

            case "--access-key":
            case "--secret-key":
                if (string.IsNullOrWhiteSpace(value))
                {
                    return $"{name}: give a non-empty value.";
                }

                if (name == "--access-key")
                {
                    options.AccessKey = value;
                }
                else
                {
                    options.SecretKey = value;
                }

                return null;
            default:
                return ApplyDuration(options, name, value);
        }
    }

    private static string? ApplyDuration(EmulatorOptions options, string name, string value)
    {
        if (!DurationParser.TryParse(name, value, out var duration, out var error))
        {
            return error;
        }

        if (duration == TimeSpan.Zero && name != "--continuation-delay")
        {
            return $"{name}: must be longer than 0; use e.g. 30s.";
        }

        switch (name)
        {
            case "--ack-timeout":
                options.AckTimeout = duration;
                break;
            case "--job-timeout":
                options.JobTimeout = duration;
                break;
            case "--action-timeout":
                options.ActionTimeout = duration;
                break;
            default:
                options.ContinuationDelay = duration;
                break;
        }

        return null;
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+)+-[0-9]+$")]
    private static partial Regex RegionPattern();

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();
}
