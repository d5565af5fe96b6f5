using System.Globalization;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Api;

namespace Baton.LoadTest.Hosting;

/// <summary>Parses <c>dotnet run --project src/Baton.LoadTest -- [options]</c> (and <c>baton loadtest serve</c>).</summary>
public static class LoadTestCommandLine
{
    /// <summary>The exit code for bad arguments.</summary>
    public const int UsageExitCode = 2;

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Baton load-test service (the vendor backend of the BatonLoadTest action)

        Options:
          --port N                 Port on 127.0.0.1 (0 = any free port). Default 5080.
          --data-dir DIR           Keep tests and results in DIR/loadtest.db. Default ./loadtest-data.
          --in-memory              Keep everything in memory (lost on exit).
          --allow-target X         Also allow load on X: a CIDR range, an address or a host name (repeatable).
                                   Loopback (127.0.0.0/8, ::1, localhost) is always allowed; nothing else is by default.
          --account ID=KEY         An account and its API key (repeatable). Default: demo=baton-demo-key.
          --max-concurrent N       Tests run at once. Default 2.
          --postgres CONNECTION    Keep tests in PostgreSQL, shared by every replica with the same database and schema
                                   (instead of SQLite). Prefer Baton__LoadTest__Store__PostgreSql__ConnectionString in
                                   the environment: a password on the command line is visible to other users.
          --postgres-schema NAME   The schema of the PostgreSQL tables. Default public.
          --replica-id NAME        This replica's name in the shared store (distinct per replica, stable across restarts).
          -h, --help               Show this text.
        """;

    /// <summary>Parses the arguments.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="options">The options when valid.</param>
    /// <param name="error">What is wrong otherwise (null with <c>--help</c>).</param>
    /// <returns>True when the service should start.</returns>
    public static bool TryParse(IReadOnlyList<string> args, out LoadTestServiceOptions options, out string? error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = new LoadTestServiceOptions();
        error = null;
        var allowed = new List<string>();
        var accounts = new List<LoadTestAccount>();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help")
            {
                return false;
            }

            if (name == "--in-memory")
            {
                options = options with { InMemory = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = $"{name} needs a value.";
                return false;
            }

            var value = args[++i];
            switch (name)
            {
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535:
                    options = options with { Port = port };
                    break;
                case "--max-concurrent" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var max) && max is >= 1 and <= 64:
                    options = options with { MaxConcurrentTests = max };
                    break;
                case "--data-dir":
                    options = options with { DataDirectory = value };
                    break;
                case "--postgres":
                    options = options with { PostgreSqlConnectionString = value };
                    break;
                case "--postgres-schema":
                    options = options with { PostgreSqlSchema = value };
                    break;
                case "--replica-id":
                    options = options with { ReplicaId = value };
                    break;
                case "--allow-target":
                    allowed.Add(value);
                    break;
                case "--account" when value.Split('=', 2) is [var id, var key] && id.Length > 0 && key.Length >= 8:
                    accounts.Add(new LoadTestAccount(id, key));
                    break;
                case "--port" or "--max-concurrent" or "--account":
                    error = name switch
                    {
                        "--port" => $"--port must be a number from 0 to 65535, was '{value}'.",
                        "--max-concurrent" => $"--max-concurrent must be a number from 1 to 64, was '{value}'.",
                        _ => "--account must be ID=KEY with a key of at least 8 characters.",
                    };
                    return false;
                default:
                    error = $"Unknown option '{name}'.";
                    return false;
            }
        }

        try
        {
            _ = new TargetAllowList(allowed);
        }
        catch (FormatException ex)
        {
            error = "--allow-target: " + ex.Message;
            return false;
        }

        options = options with { AllowedTargets = allowed, Accounts = accounts };
        if (options.UsesPostgreSql)
        {
            try
            {
                LoadTestStoreSelection.StoreOptions(options).Validate();
            }
            catch (ArgumentException ex)
            {
                error = (ex.ParamName == "ReplicaId" ? "--replica-id: " : "--postgres-schema: ") + ex.Message.Split(" (Parameter", 2)[0];
                return false;
            }
        }

        return true;
    }
}
