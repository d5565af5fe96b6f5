using Baton.Agent.PostgreSql.Tests.Infrastructure;

namespace Baton.Agent.PostgreSql.Tests.Hosting;

public sealed class PostgreSqlJournalOptionsValidatorTests
{
    private readonly PostgreSqlJournalOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_WithConnectionString_Succeeds()
    {
        var result = _validator.Validate(null, new PostgreSqlJournalOptions { ConnectionString = TestDatabase.DefaultConnectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_UnknownKeyInConnectionString_SaysSoWithoutThePassword()
    {
        var result = _validator.Validate(null, new PostgreSqlJournalOptions { ConnectionString = "Host=db;Nonsense=1;Password=hunter2" });

        Assert.True(result.Failed);
        Assert.Contains("ConnectionString is not a valid Npgsql connection string", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EmptyConnectionString_SaysWhatToSet()
    {
        var result = _validator.Validate(null, new PostgreSqlJournalOptions { ConnectionString = " " });

        Assert.Contains("Baton:Agent:Journal:PostgreSql:ConnectionString is empty", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Agents")]
    [InlineData("a;drop table x")]
    [InlineData("")]
    public void Validate_SchemaNotPlain_NamesTheSchemaRule(string schema)
    {
        var result = _validator.Validate(null, new PostgreSqlJournalOptions { ConnectionString = TestDatabase.DefaultConnectionString, Schema = schema });

        Assert.True(result.Failed);
        Assert.Contains("Baton:Agent:Journal:PostgreSql:Schema", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LeaseOutOfRange_NamesEachSetting()
    {
        var options = new PostgreSqlJournalOptions { ConnectionString = TestDatabase.DefaultConnectionString };
        options.Lease.LeaseDuration = TimeSpan.Zero;
        options.Lease.AdoptInterval = TimeSpan.Zero;
        options.Lease.AdoptBatchSize = 0;

        var result = _validator.Validate(null, options);

        Assert.Contains(":Lease:LeaseDuration is 00:00:00", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(":Lease:RenewInterval", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(":Lease:AdoptInterval is 00:00:00", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(":Lease:AdoptBatchSize is 0", result.FailureMessage, StringComparison.Ordinal);
    }
}
