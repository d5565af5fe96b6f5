using System.Buffers.Text;
using Baton.Agent.Continuation;
using Baton.Agent.Tests.Fakes;
using CsCheck;

namespace Baton.Agent.Tests.Fuzzing;

/// <summary>
/// Properties of the continuation codec over generated envelopes: any envelope that fits seals
/// into at most 2,048 characters and opens to itself; one that does not fit is a clear size error;
/// and any single-byte tamper, character edit or truncation of a token fails with a
/// <see cref="ContinuationTokenException"/> — never another exception, never a different envelope.
/// </summary>
public sealed class ContinuationCodecFuzzTests
{
    private const int Iterations = 400;
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly ContinuationCodec _codec = new(ContinuationKeyRing.Single(TestKeys.Key(1)));

    private static readonly Gen<string> _text = Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 40].Select(a => new string(a));

    // States from empty to beyond what fits, with multi-byte characters, so both outcomes occur.
    private static readonly Gen<string> _state = Gen.Frequency(
        (3, Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 600].Select(a => new string(a))),
        (2, Gen.Char["abcxyz{}\":,0189 "].Array[0, 1600].Select(a => new string(a))));

    private static readonly Gen<ContinuationEnvelope> _envelope =
        Gen.Select(OrNull(_state), OrNull(_text), _text.Where(t => t.Length > 0), Gen.Int[1, int.MaxValue], Gen.Long[0, 4_102_444_800_000], Gen.Long[0, 4_102_444_800_000].Nullable(0.5))
            .Select((state, external, origin, step, started, notBefore) => new ContinuationEnvelope
            {
                State = state,
                ExternalExecutionId = external,
                OriginJobId = origin,
                Step = step,
                StartedAt = DateTimeOffset.FromUnixTimeMilliseconds(started),
                NotBefore = notBefore is { } n ? DateTimeOffset.FromUnixTimeMilliseconds(n) : null,
            });

    private static readonly Gen<(ContinuationEnvelope Envelope, string Token)> _sealed =
        _envelope.Select(e => (e, Seal(e))).Where(p => p.Item2 is not null).Select(p => (p.e, p.Item2!));

    [Fact]
    public void SealThenOpen_AnyEnvelope_FitsAndOpensToItselfOrIsAClearSizeError()
    {
        var sealedCount = 0;
        _envelope.Sample(
            envelope =>
            {
                string token;
                try
                {
                    token = _codec.Seal(envelope);
                }
                catch (ContinuationStateTooLargeException ex)
                {
                    Assert.Contains("2,048", ex.Message, StringComparison.Ordinal);
                    return;
                }

                Interlocked.Increment(ref sealedCount);
                Assert.InRange(token.Length, 1, ContinuationCodec.MaxTokenLength);
                Assert.Equal(envelope, _codec.Open(token));
            },
            iter: Iterations);

        Assert.True(sealedCount > Iterations / 4, $"only {sealedCount} of {Iterations} envelopes sealed; the generator is off");
    }

    [Fact]
    public void Open_AnySingleByteOfTheSealedBodyChanged_FailsWithATokenError()
    {
        var cases = _sealed.SelectMany(s => Gen.Select(Gen.Int[0, Body(s.Token).Length - 1], Gen.Byte[1, 255]), (s, edit) => (s.Token, Position: edit.Item1, Mask: edit.Item2));

        cases.Sample(
            (token, position, mask) =>
            {
                var body = Body(token);
                body[position] ^= mask;

                var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open("bt1." + Base64Url.EncodeToString(body)));

                Assert.True(ex.Error is ContinuationTokenError.Tampered or ContinuationTokenError.UnknownKey, $"{ex.Error}: {ex.Message}");
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            },
            iter: Iterations);
    }

    [Fact]
    public void Open_AnySingleCharacterReplaced_FailsWithATokenErrorOrDecodesToTheSameBytes()
    {
        var cases = _sealed.SelectMany(s => Gen.Select(Gen.Int[0, s.Token.Length - 1], Gen.Char[Base64UrlChars + ".=+/ %\u00e9"]), (s, edit) => (s.Envelope, s.Token, Position: edit.Item1, Char: edit.Item2))
            .Where(c => c.Token[c.Position] != c.Char);

        cases.Sample(
            (envelope, token, position, replacement) =>
            {
                var edited = string.Concat(token.AsSpan(0, position), replacement.ToString(), token.AsSpan(position + 1));
                try
                {
                    var opened = _codec.Open(edited);
                    // Only a change to the unused low bits of the last base64url character can decode to the same bytes.
                    Assert.Equal(token.Length - 1, position);
                    Assert.Equal(Body(token), Body(edited));
                    Assert.Equal(envelope, opened);
                }
                catch (ContinuationTokenException ex)
                {
                    Assert.False(string.IsNullOrWhiteSpace(ex.Message));
                }
            },
            iter: Iterations);
    }

    [Fact]
    public void Open_AnyTruncation_FailsWithATokenError()
    {
        var cases = _sealed.SelectMany(s => Gen.Int[0, s.Token.Length - 1], (s, length) => (s.Token, Length: length));

        cases.Sample(
            (token, length) =>
            {
                var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(token[..length]));
                Assert.False(string.IsNullOrWhiteSpace(ex.Message));
            },
            iter: Iterations);
    }

    private static Gen<string?> OrNull(Gen<string> gen) => Gen.Frequency((4, gen.Select(s => (string?)s)), (1, Gen.Const((string?)null)));

    private static string? Seal(ContinuationEnvelope envelope)
    {
        try
        {
            return _codec.Seal(envelope);
        }
        catch (ContinuationStateTooLargeException)
        {
            return null;
        }
    }

    private static byte[] Body(string token) => Base64Url.DecodeFromChars(token.AsSpan(4));
}
