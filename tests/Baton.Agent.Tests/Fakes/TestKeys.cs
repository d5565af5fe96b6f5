using Baton.Agent.Continuation;

namespace Baton.Agent.Tests.Fakes;

/// <summary>Deterministic continuation keys for tests.</summary>
internal static class TestKeys
{
    public static ContinuationKey Key(byte id) => new(id, Enumerable.Repeat((byte)(id * 7 + 1), ContinuationKey.KeyLength).ToArray());

    public static string Base64(byte id) => Convert.ToBase64String(Enumerable.Repeat((byte)(id * 7 + 1), ContinuationKey.KeyLength).ToArray());
}
