using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Baton.Agent.PostgreSql;

/// <summary>Checks <see cref="PostgreSqlJournalOptions"/> at start-up; each message says what to fix.</summary>
public sealed partial class PostgreSqlJournalOptionsValidator : IValidateOptions<PostgreSqlJournalOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, PostgreSqlJournalOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        const string Section = PostgreSqlJournalOptions.SectionName;
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add($"{Section}:ConnectionString is empty. Set it (for example Host=db;Username=baton;Password=...;Database=baton) or pass it to UsePostgreSqlJournal.");
        }
        else
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(options.ConnectionString);
            }
            catch (ArgumentException ex)
            {
                // The value holds a password: only the parser's complaint is shown.
                errors.Add($"{Section}:ConnectionString is not a valid Npgsql connection string: {ex.Message}");
            }
        }

        if (!SchemaName().IsMatch(options.Schema ?? string.Empty))
        {
            errors.Add($"{Section}:Schema '{options.Schema}' is not a plain schema name; use 1 to 63 lower-case letters, digits and underscores, starting with a letter or underscore.");
        }

        errors.AddRange((options.Lease ?? new()).Validate(Section + ":Lease"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>Whether a schema name is safe to put into SQL unquoted-equivalent form.</summary>
    /// <param name="schema">The name.</param>
    internal static bool IsValidSchema(string? schema) => SchemaName().IsMatch(schema ?? string.Empty);

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaName();
}
