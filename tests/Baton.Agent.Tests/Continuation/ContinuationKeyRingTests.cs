using Baton.Agent.Continuation;
using Baton.Agent.Options;
using Baton.Agent.Tests.Fakes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace Baton.Agent.Tests.Continuation;

public sealed class ContinuationKeyRingTests : IDisposable
{
    private readonly string _stateDirectory = Path.Combine(Path.GetTempPath(), "baton-agent-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_stateDirectory))
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
    }

    [Fact]
    public void Constructor_CurrentKeyNotInRing_ThrowsNamingTheIds()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContinuationKeyRing([TestKeys.Key(1), TestKeys.Key(2)], currentKeyId: 3));

        Assert.Contains("current continuation key id 3 is not among the configured keys (1, 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateIds_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ContinuationKeyRing([TestKeys.Key(1), TestKeys.Key(1)], currentKeyId: 1));

        Assert.Contains("key id 1 is configured twice", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfiguredKeysWithoutCurrent_SealsWithTheHighestIdAndOpensWithAll()
    {
        var options = Options(new ContinuationKeyOptions { Id = 1, Key = TestKeys.Base64(1) }, new ContinuationKeyOptions { Id = 4, Key = TestKeys.Base64(4) });

        var ring = ContinuationKeyRingLoader.Load(options, new FakeLogger());

        Assert.Equal(4, ring.Current.Id);
        Assert.Equal([1, 4], ring.KeyIds);
        Assert.False(Directory.Exists(_stateDirectory));
    }

    [Fact]
    public void Load_ConfiguredCurrentKeyId_SealsWithIt()
    {
        var options = Options(new ContinuationKeyOptions { Id = 1, Key = TestKeys.Base64(1) }, new ContinuationKeyOptions { Id = 4, Key = TestKeys.Base64(4) });
        options.Continuation.CurrentKeyId = 1;

        Assert.Equal(1, ContinuationKeyRingLoader.Load(options, new FakeLogger()).Current.Id);
    }

    [Fact]
    public void Load_NoKeys_GeneratesOneKeyFilePersistsItAndWarns()
    {
        var logger = new FakeLogger();

        var first = new ContinuationCodec(ContinuationKeyRingLoader.Load(Options(), logger));
        var second = new ContinuationCodec(ContinuationKeyRingLoader.Load(Options(), new FakeLogger()));

        var token = first.Seal(new ContinuationEnvelope { State = "s", OriginJobId = "o", Step = 2, StartedAt = DateTimeOffset.UnixEpoch });
        Assert.Equal("s", second.Open(token).State);
        var path = Path.Combine(_stateDirectory, ContinuationKeyRingLoader.GeneratedKeyFileName);
        Assert.True(File.Exists(path));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var warning = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("several replicas must share keys", warning.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllText(path), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_CorruptKeyFile_ThrowsSayingHowToRecover()
    {
        Directory.CreateDirectory(_stateDirectory);
        File.WriteAllText(Path.Combine(_stateDirectory, ContinuationKeyRingLoader.GeneratedKeyFileName), "not a key");

        var ex = Assert.Throws<InvalidOperationException>(() => ContinuationKeyRingLoader.Load(Options(), new FakeLogger()));

        Assert.Contains("is corrupt", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Delete it to generate a new key", ex.Message, StringComparison.Ordinal);
    }

    private AgentOptions Options(params ContinuationKeyOptions[] keys) => new()
    {
        StateDirectory = _stateDirectory,
        Continuation = new ContinuationOptions { Keys = [.. keys] },
    };
}
