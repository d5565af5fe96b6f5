namespace Baton.Chaos.Tests;

public sealed class ChaosCommandLineTests
{
    [Fact]
    public void Parse_NoJournal_UsesTheSharedPostgreSqlJournal()
    {
        var (commandLine, error) = ChaosCommandLine.Parse(["--profile", "ci"]);

        Assert.Null(error);
        Assert.Equal("postgres", commandLine!.Journal.Name);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Parse_KnownJournal_UsesIt(string journal)
    {
        var (commandLine, error) = ChaosCommandLine.Parse(["--journal", journal, "--seed", "3"]);

        Assert.Null(error);
        Assert.Equal(journal, commandLine!.Journal.Name);
        Assert.Equal(3, commandLine.Profile.Seed);
    }

    [Fact]
    public void Parse_UnknownJournal_SaysWhichOnesExist()
    {
        var (commandLine, error) = ChaosCommandLine.Parse(["--journal", "mysql"]);

        Assert.Null(commandLine);
        Assert.Equal("--journal: 'mysql' is not a journal; use postgres or sqlite.", error);
    }
}
