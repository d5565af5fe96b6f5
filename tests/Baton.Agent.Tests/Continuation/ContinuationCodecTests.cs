using System.Buffers.Text;
using Baton.Agent.Continuation;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Continuation;

public sealed class ContinuationCodecTests
{
    private static readonly ContinuationEnvelope _envelope = new()
    {
        State = "test-153245 ünïcode <&>",
        ExternalExecutionId = "153245",
        OriginJobId = "0b1c2d3e-0000-4000-8000-000000000001",
        Step = 7,
        StartedAt = new DateTimeOffset(2025, 3, 1, 12, 0, 0, 123, TimeSpan.Zero),
        NotBefore = new DateTimeOffset(2025, 3, 1, 12, 5, 0, TimeSpan.Zero),
    };

    private readonly ContinuationCodec _codec = new(ContinuationKeyRing.Single(TestKeys.Key(1)));

    [Fact]
    public void Seal_Envelope_OpensToTheSameEnvelope()
    {
        var token = _codec.Seal(_envelope);

        Assert.StartsWith("bt1.", token, StringComparison.Ordinal);
        Assert.Equal(_envelope, _codec.Open(token));
    }

    [Fact]
    public void Seal_SameEnvelopeTwice_UsesAFreshNonceEachTime()
    {
        Assert.NotEqual(_codec.Seal(_envelope), _codec.Seal(_envelope));
    }

    [Fact]
    public void Seal_Envelope_HidesTheStateAndIsBase64Url()
    {
        var token = _codec.Seal(_envelope with { State = "secret-backend-id" });

        Assert.DoesNotContain("secret", System.Text.Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token.AsSpan(4))), StringComparison.Ordinal);
        Assert.Matches("^bt1\\.[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void Seal_LargestStateThatFits_StaysWithin2048Characters()
    {
        var exception = Assert.Throws<ContinuationStateTooLargeException>(() => _codec.Seal(_envelope with { State = new string('x', 4000) }));
        var largest = _envelope with { State = new string('x', exception.StateLimitBytes) };

        var token = _codec.Seal(largest);

        Assert.True(token.Length <= ContinuationCodec.MaxTokenLength, $"token is {token.Length} characters");
        Assert.Throws<ContinuationStateTooLargeException>(() => _codec.Seal(largest with { State = largest.State + "x" }));
    }

    [Fact]
    public void Seal_StateTooLarge_ThrowsNamingSizeAndLimit()
    {
        var ex = Assert.Throws<ContinuationStateTooLargeException>(() => _codec.Seal(_envelope with { State = new string('x', 1900) }));

        Assert.Equal(1900, ex.StateBytes);
        Assert.InRange(ex.StateLimitBytes, 1200, 1500);
        Assert.Equal(
            $"The handler state is 1,900 bytes; the sealed token must fit in 2,048 characters, so state must stay under about {ex.StateLimitBytes:N0} bytes: store large state in your backend and keep only its id.",
            ex.Message);
    }

    [Fact]
    public void Open_TamperedToken_ThrowsTampered()
    {
        var token = _codec.Seal(_envelope);
        var tampered = token[..50] + (token[50] == 'A' ? 'B' : 'A') + token[51..];

        var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(tampered));

        Assert.Equal(ContinuationTokenError.Tampered, ex.Error);
        Assert.Contains("AES-GCM tag mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_KeyIdSwappedToAnotherKnownKey_ThrowsTampered()
    {
        var ring = new ContinuationKeyRing([TestKeys.Key(1), TestKeys.Key(2)], currentKeyId: 1);
        var codec = new ContinuationCodec(ring);
        var bytes = Base64Url.DecodeFromChars(codec.Seal(_envelope).AsSpan(4));
        bytes[0] = 2;

        var ex = Assert.Throws<ContinuationTokenException>(() => codec.Open("bt1." + Base64Url.EncodeToString(bytes)));

        Assert.Equal(ContinuationTokenError.Tampered, ex.Error);
    }

    [Fact]
    public void Open_TokenFromAnotherAgentsKey_ThrowsUnknownKeyNamingTheIds()
    {
        var other = new ContinuationCodec(ContinuationKeyRing.Single(TestKeys.Key(5)));

        var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(other.Seal(_envelope)));

        Assert.Equal(ContinuationTokenError.UnknownKey, ex.Error);
        Assert.Contains("key id 5, which this agent does not have (it has 1)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("153245")]
    [InlineData("eyJwcmV2aW91c19qb2JfaWQiOiIxMjM0In0=")]
    [InlineData("bt.abc")]
    [InlineData("btx.abc")]
    public void Open_ForeignToken_ThrowsNotBatonToken(string token)
    {
        var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(token));

        Assert.Equal(ContinuationTokenError.NotBatonToken, ex.Error);
        Assert.Contains("not a Baton token", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_OtherFormatVersion_ThrowsUnsupportedVersion()
    {
        var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open("bt2." + _codec.Seal(_envelope)[4..]));

        Assert.Equal(ContinuationTokenError.UnsupportedVersion, ex.Error);
        Assert.Contains("format version 2, but this agent reads version 1", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bt1.")]
    [InlineData("bt1.AAAA")]
    [InlineData("bt1.a")]
    [InlineData("bt1.!!!!")]
    public void Open_BodyTooShortOrNotBase64Url_ThrowsMalformed(string token)
    {
        var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(token));

        Assert.Equal(ContinuationTokenError.Malformed, ex.Error);
    }

    [Fact]
    public void Open_TruncatedToken_FailsWithAMessageThatSaysTruncated()
    {
        var token = _codec.Seal(_envelope);

        for (var cut = 1; cut <= 4; cut++)
        {
            var ex = Assert.Throws<ContinuationTokenException>(() => _codec.Open(token[..^cut]));
            Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
        }
    }
}
