using Baton.LoadTest.Hosting;
using Baton.LoadTest.Running;
using Baton.LoadTest.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Baton.LoadTest.Tests.Hosting;

/// <summary>The service picks SQLite by default and PostgreSQL when a connection string is configured (nothing connects here).</summary>
public sealed class StoreSelectionTests
{
    private const string ConnectionString = "Host=127.0.0.1;Port=54329;Username=baton;Password=secret-pw;Database=baton_test";

    [Fact]
    public void Apply_ConnectionStringInConfiguration_SelectsPostgreSqlWithItsSettings()
    {
        var options = LoadTestStoreSelection.Apply(new LoadTestServiceOptions(), Configuration(new()
        {
            ["Baton:LoadTest:Store:PostgreSql:ConnectionString"] = ConnectionString,
            ["Baton:LoadTest:Store:PostgreSql:Schema"] = "loadtest",
            ["Baton:LoadTest:Store:PostgreSql:ReplicaId"] = "web-1",
            ["Baton:LoadTest:Store:PostgreSql:LeaseDuration"] = "00:00:12",
            ["Baton:LoadTest:Store:PostgreSql:LeaseCheckInterval"] = "00:00:01",
        }));

        Assert.True(options.UsesPostgreSql);
        Assert.Equal("loadtest", options.PostgreSqlSchema);
        Assert.Equal("web-1", options.ReplicaId);
        Assert.Equal(TimeSpan.FromSeconds(12), options.EffectiveLeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(1), options.EffectiveLeaseCheckInterval);
    }

    [Fact]
    public void Apply_OptionsAndConfiguration_OptionsWin()
    {
        var options = LoadTestStoreSelection.Apply(
            new LoadTestServiceOptions { PostgreSqlConnectionString = ConnectionString, ReplicaId = "from-options" },
            Configuration(new() { ["Baton:LoadTest:Store:PostgreSql:ReplicaId"] = "from-configuration" }));

        Assert.Equal("from-options", options.ReplicaId);
        Assert.Equal(TimeSpan.FromSeconds(30), options.EffectiveLeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(2), options.EffectiveLeaseCheckInterval);
    }

    [Theory]
    [InlineData("LeaseCheckInterval", "00:00:20", "LeaseCheckInterval is 00:00:20; it must be above zero and at most a third of the lease duration (00:00:30).")]
    [InlineData("LeaseCheckInterval", "soon", "Baton:LoadTest:Store:PostgreSql:LeaseCheckInterval must be a duration such as 00:00:30, was 'soon'.")]
    [InlineData("LeaseDuration", "00:00:01", "lease duration is 00:00:01; it must be between 00:00:02 and 01:00:00.")]
    [InlineData("Schema", "Bad-Name", "schema 'Bad-Name' is not a plain name")]
    public void Apply_InvalidSetting_ThrowsNamingIt(string key, string value, string expected)
    {
        var configuration = Configuration(new()
        {
            ["Baton:LoadTest:Store:PostgreSql:ConnectionString"] = ConnectionString,
            ["Baton:LoadTest:Store:PostgreSql:" + key] = value,
        });

        var error = Assert.Throws<ArgumentException>(() => LoadTestStoreSelection.Apply(new LoadTestServiceOptions(), configuration));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddLoadTestService_PostgreSql_UsesTheSharedStoreWithLeases()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLoadTestService(new LoadTestServiceOptions { PostgreSqlConnectionString = ConnectionString, ReplicaId = "web-1" });
        await using var provider = services.BuildServiceProvider();

        var store = Assert.IsType<PostgreSqlTestStore>(provider.GetRequiredService<ITestStore>());
        Assert.Same(store, provider.GetRequiredService<ITestLeaseStore>());
        Assert.Equal("web-1", store.ReplicaId);
        var description = LoadTestStoreSelection.Describe(provider.GetRequiredService<LoadTestServiceOptions>(), provider);
        Assert.Equal("PostgreSQL 127.0.0.1:54329/baton_test, schema public, replica web-1 (lease 00:00:30)", description);
        Assert.DoesNotContain("secret-pw", description, StringComparison.Ordinal);
        Assert.NotNull(provider.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<TestRunnerService>().Single());
    }

    [Fact]
    public async Task AddLoadTestService_NoConnectionString_UsesSqliteWithoutLeases()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddLoadTestService(new LoadTestServiceOptions { InMemory = true });
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<SqliteTestStore>(provider.GetRequiredService<ITestStore>());
        Assert.Null(provider.GetService<ITestLeaseStore>());
    }

    [Fact]
    public void TryParse_PostgreSqlFlags_SelectPostgreSql()
    {
        Assert.True(LoadTestCommandLine.TryParse(["--postgres", ConnectionString, "--postgres-schema", "lt", "--replica-id", "web-2"], out var options, out var error));

        Assert.Null(error);
        Assert.True(options.UsesPostgreSql);
        Assert.Equal("lt", options.PostgreSqlSchema);
        Assert.Equal("web-2", options.ReplicaId);
    }

    [Fact]
    public void TryParse_BadPostgreSqlSchema_SaysWhatToFix()
    {
        Assert.False(LoadTestCommandLine.TryParse(["--postgres", ConnectionString, "--postgres-schema", "1st"], out _, out var error));

        Assert.Equal(
            "--postgres-schema: The PostgreSQL test store schema '1st' is not a plain name; use 1 to 63 lower-case letters, digits and underscores, not starting with a digit.",
            error);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
