using System.Buffers.Text;
using Baton.Agent.Continuation;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Corpus;

/// <summary>Good and deliberately broken continuation tokens for the corpus, sealed with the harness's key.</summary>
internal sealed class CorpusTokens(RunnerHarness harness)
{
    public string Good => harness.Token("state-1");

    public string Sealed(ContinuationEnvelope envelope) => harness.Codec.Seal(envelope);

    public static string WithBody(string token, Func<byte[], byte[]> edit) =>
        "bt1." + Base64Url.EncodeToString(edit(Base64Url.DecodeFromChars(token.AsSpan(4))));
}
