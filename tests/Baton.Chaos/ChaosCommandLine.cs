using System.Globalization;

namespace Baton.Chaos;

/// <summary>The scenario's command line: <c>--profile ci|full</c>, <c>--seed N</c>, <c>--journal postgres|sqlite</c>, <c>--keep-logs</c>.</summary>
internal sealed record ChaosCommandLine(ChaosProfile Profile, JournalChoice Journal, bool KeepLogs)
{
    public const string Usage = """
        Usage: Baton.Chaos [--profile ci|full] [--seed N] [--journal postgres|sqlite] [--keep-logs]

          --profile ci|full   ci: 20 pipelines of ~12 s, bounded to ~2 minutes (default)
                              full: 100 pipelines of ~60 s, the soak
          --seed N            the seed of the fault plan and the emulator's fault decisions (default 7)
          --journal postgres|sqlite
                              the replicas' journal. postgres (default): one shared journal in a
                              fresh schema of the test instance (eng/postgres.sh, or
                              BATON_TEST_POSTGRES), 10 s leases, a peer adopts a killed replica's
                              jobs; sqlite: one file per replica, its jobs wait for it to restart
          --keep-logs         keep the work directory with every process's log

        Exit codes: 0 passed, 1 a check failed, 2 bad command line.
        """;

    public static (ChaosCommandLine? CommandLine, string? Error) Parse(IReadOnlyList<string> args)
    {
        var profile = "ci";
        var seed = 7;
        JournalChoice? journal = null;
        var keep = false;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--profile" when value is "ci" or "full":
                    profile = value;
                    i++;
                    break;
                case "--profile":
                    return (null, $"--profile: '{value}' is not a profile; use ci or full.");
                case "--seed" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed):
                    i++;
                    break;
                case "--seed":
                    return (null, $"--seed: '{value}' is not a whole number; use e.g. --seed 7.");
                case "--journal" when JournalChoice.Parse(value) is { } chosenJournal:
                    journal = chosenJournal;
                    i++;
                    break;
                case "--journal":
                    return (null, $"--journal: '{value}' is not a journal; use postgres or sqlite.");
                case "--keep-logs":
                    keep = true;
                    break;
                default:
                    return (null, $"Unknown option '{args[i]}'.");
            }
        }

        var chosen = profile == "full" ? ChaosProfile.Full(seed) : ChaosProfile.Ci(seed);
        return (new ChaosCommandLine(chosen, journal ?? JournalChoice.Postgres, keep), null);
    }
}
