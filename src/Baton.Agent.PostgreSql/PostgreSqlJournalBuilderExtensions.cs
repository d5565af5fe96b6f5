using Baton.Agent.Hosting;
using Baton.Agent.Journal;
using Baton.Agent.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Baton.Agent.PostgreSql;

/// <summary>Puts a Baton agent's journal in PostgreSQL, shared by its replicas.</summary>
public static class PostgreSqlJournalBuilderExtensions
{
    /// <summary>
    /// Replaces the agent's SQLite journal with <see cref="PostgreSqlJobJournal"/> and adds the
    /// <see cref="JournalLeaseService"/> that renews this replica's leases and adopts the jobs of
    /// replicas that died. Options bind from <c>Baton:Agent:Journal:PostgreSql</c> (then
    /// <paramref name="connectionString"/>, then <paramref name="configure"/>) and are validated at
    /// start; the table is created on first use. Every replica must use the same database and schema,
    /// the same continuation keys and the same client tokens, and a distinct agent id.
    /// </summary>
    /// <param name="builder">The agent builder from <c>AddBatonAgent</c>.</param>
    /// <param name="connectionString">The Npgsql connection string; null keeps the configured one.</param>
    /// <param name="configure">Sets options in code (schema, lease timings).</param>
    public static BatonAgentBuilder UsePostgreSqlJournal(
        this BatonAgentBuilder builder, string? connectionString = null, Action<PostgreSqlJournalOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var options = services.AddOptions<PostgreSqlJournalOptions>().BindConfiguration(PostgreSqlJournalOptions.SectionName);
        if (connectionString is not null)
        {
            options.Configure(o => o.ConnectionString = connectionString);
        }

        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PostgreSqlJobJournal)))
        {
            return builder;
        }

        options.ValidateOnStart();
        services.AddSingleton<IValidateOptions<PostgreSqlJournalOptions>, PostgreSqlJournalOptionsValidator>();
        services.AddSingleton(provider => new PostgreSqlJobJournal(
            provider.GetRequiredService<IOptions<PostgreSqlJournalOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IJobLeaseJournal>(provider => provider.GetRequiredService<PostgreSqlJobJournal>());
        services.AddSingleton(provider => new LeasedJobJournal(provider.GetRequiredService<IJobLeaseJournal>()));
        services.Replace(ServiceDescriptor.Singleton<IJobJournal>(provider => provider.GetRequiredService<LeasedJobJournal>()));
        services.AddSingleton(provider => new JournalLeaseService(
            provider.GetRequiredService<LeasedJobJournal>(),
            provider.GetRequiredService<JobAgent>(),
            provider.GetRequiredService<IOptions<PostgreSqlJournalOptions>>().Value.Lease,
            provider.GetRequiredService<IOptions<AgentOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<JournalLeaseService>>()));
        services.AddHostedService(provider => provider.GetRequiredService<JournalLeaseService>());
        return builder;
    }
}
