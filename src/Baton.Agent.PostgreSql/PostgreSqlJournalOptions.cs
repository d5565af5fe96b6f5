using Baton.Agent.Options;

namespace Baton.Agent.PostgreSql;

/// <summary>
/// The PostgreSQL journal (<c>Baton:Agent:Journal:PostgreSql</c>), shared by every replica of an
/// agent. Validated at start-up.
/// </summary>
public sealed class PostgreSqlJournalOptions
{
    /// <summary>The configuration section the options bind to.</summary>
    public const string SectionName = "Baton:Agent:Journal:PostgreSql";

    /// <summary>
    /// The Npgsql connection string, e.g. <c>Host=db;Username=baton;Password=…;Database=baton</c>.
    /// Secret (it holds the password): never logged. Required.
    /// </summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>
    /// The schema that holds the <c>baton_agent_journal</c> table; created at start when missing
    /// (which needs the CREATE privilege on the database). Lower-case letters, digits and
    /// underscores. Default: <c>public</c>.
    /// </summary>
    public string Schema { get; set; } = "public";

    /// <summary>Lease duration, renewal and adoption intervals (<c>…:PostgreSql:Lease</c>).</summary>
    public JournalLeaseOptions Lease { get; set; } = new();
}
