using System.Globalization;
using Baton.LoadTest.Store;
using Npgsql;

namespace Baton.LoadTest.Hosting;

/// <summary>
/// Chooses the results store: SQLite (a file or memory) by default, PostgreSQL when a connection
/// string is given in the options or in configuration (section <see cref="SectionName"/>).
/// Options set in code or on the command line win over configuration.
/// </summary>
public static class LoadTestStoreSelection
{
    /// <summary>The configuration section of the PostgreSQL store.</summary>
    public const string SectionName = "Baton:LoadTest:Store:PostgreSql";

    /// <summary>Fills the PostgreSQL settings the options leave unset from configuration, then checks them.</summary>
    /// <param name="options">The options.</param>
    /// <param name="configuration">The configuration (environment variables, appsettings.json).</param>
    /// <returns>The options to run with.</returns>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static LoadTestServiceOptions Apply(LoadTestServiceOptions options, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        options = options with
        {
            PostgreSqlConnectionString = options.PostgreSqlConnectionString ?? section["ConnectionString"],
            PostgreSqlSchema = options.PostgreSqlSchema ?? section["Schema"],
            ReplicaId = options.ReplicaId ?? section["ReplicaId"],
            LeaseDuration = options.LeaseDuration ?? Duration(section, "LeaseDuration"),
            LeaseCheckInterval = options.LeaseCheckInterval ?? Duration(section, "LeaseCheckInterval"),
        };
        if (options.UsesPostgreSql)
        {
            StoreOptions(options).Validate();
            if (options.EffectiveLeaseCheckInterval <= TimeSpan.Zero || options.EffectiveLeaseCheckInterval.Ticks > options.EffectiveLeaseDuration.Ticks / 3)
            {
                throw new ArgumentException(
                    $"{SectionName}:LeaseCheckInterval is {options.EffectiveLeaseCheckInterval}; it must be above zero and at most a third of the lease duration ({options.EffectiveLeaseDuration}).",
                    nameof(options));
            }
        }

        return options;
    }

    /// <summary>The PostgreSQL store's options from the service options.</summary>
    /// <param name="options">The service options, with a connection string.</param>
    /// <returns>The store options.</returns>
    public static PostgreSqlTestStoreOptions StoreOptions(LoadTestServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var store = new PostgreSqlTestStoreOptions
        {
            ConnectionString = options.PostgreSqlConnectionString ?? string.Empty,
            Schema = options.PostgreSqlSchema ?? "public",
            LeaseDuration = options.EffectiveLeaseDuration,
        };
        if (options.ReplicaId is not null)
        {
            store.ReplicaId = options.ReplicaId;
        }

        return store;
    }

    /// <summary>Says where the tests are kept, without secrets (no password).</summary>
    /// <param name="options">The service options.</param>
    /// <param name="services">The started service's services.</param>
    /// <returns>For example <c>PostgreSQL 127.0.0.1:5432/baton, schema public, replica web-1</c>.</returns>
    public static string Describe(LoadTestServiceOptions options, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(services);
        if (!options.UsesPostgreSql)
        {
            return services.GetRequiredService<SqliteTestStore>().Description;
        }

        var connection = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
        var store = services.GetRequiredService<PostgreSqlTestStore>();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"PostgreSQL {connection.Host}:{connection.Port}/{connection.Database}, schema {options.PostgreSqlSchema ?? "public"}, replica {store.ReplicaId} (lease {options.EffectiveLeaseDuration})");
    }

    internal static void AddStore(IServiceCollection services, LoadTestServiceOptions options)
    {
        if (options.UsesPostgreSql)
        {
            services.AddSingleton(sp => new PostgreSqlTestStore(StoreOptions(options), sp.GetRequiredService<TimeProvider>()));
            services.AddSingleton<ITestStore>(sp => sp.GetRequiredService<PostgreSqlTestStore>());
            services.AddSingleton<ITestLeaseStore>(sp => sp.GetRequiredService<PostgreSqlTestStore>());
            return;
        }

        services.AddSingleton(_ => options.InMemory ? SqliteTestStore.OpenInMemory() : SqliteTestStore.OpenFile(options.DataDirectory));
        services.AddSingleton<ITestStore>(sp => sp.GetRequiredService<SqliteTestStore>());
    }

    private static TimeSpan? Duration(IConfigurationSection section, string key) =>
        section[key] is not { Length: > 0 } text ? null
            : TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var value) ? value
            : throw new ArgumentException($"{SectionName}:{key} must be a duration such as 00:00:30, was '{text}'.", nameof(section));
}
