using Baton.Agent.Hosting;
using Baton.Agent.Options;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Hosting;

public sealed class AgentIdentityTests : IDisposable
{
    private readonly TempDirectory _one = new();
    private readonly TempDirectory _two = new();

    [Fact]
    public void LoadOrCreate_SameStateDirectory_SameIdEveryTime()
    {
        var first = AgentIdentity.LoadOrCreate(_one.Path);

        Assert.Equal(first, AgentIdentity.LoadOrCreate(_one.Path));
        Assert.NotEqual(first, AgentIdentity.LoadOrCreate(_two.Path));
    }

    [Fact]
    public void PostConfigure_ConfiguredId_IsKeptAndNoFileWritten()
    {
        var options = new AgentOptions { AgentId = "replica-a", StateDirectory = _one.Path };

        new AgentIdentity().PostConfigure(null, options);

        Assert.Equal("replica-a", options.AgentId);
        Assert.False(File.Exists(Path.Combine(_one.Path, AgentIdentity.FileName)));
    }

    [Fact]
    public void LoadOrCreate_EmptyFile_FailsSayingHowToRecover()
    {
        Directory.CreateDirectory(_one.Path);
        File.WriteAllText(Path.Combine(_one.Path, AgentIdentity.FileName), "  ");

        var error = Assert.Throws<InvalidOperationException>(() => AgentIdentity.LoadOrCreate(_one.Path));

        Assert.Contains("is empty or longer than 200 characters. Delete it to generate a new id, or set Baton:Agent:AgentId.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadOrCreate_StateDirectoryIsAFile_FailsNamingTheSetting()
    {
        Directory.CreateDirectory(_one.Path);
        var file = Path.Combine(_one.Path, "not-a-directory");
        File.WriteAllText(file, "x");

        var error = Assert.Throws<InvalidOperationException>(() => AgentIdentity.LoadOrCreate(file));

        Assert.Contains("Make Baton:Agent:StateDirectory writable, or set Baton:Agent:AgentId.", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _one.Dispose();
        _two.Dispose();
    }
}
