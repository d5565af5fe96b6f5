using Baton.Emulator.Hosting;

namespace Baton.Emulator.Tests.Hosting;

public sealed class DurationParserTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0s", 0)]
    public void TryParse_ValidDuration_ReturnsIt(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse("--job-timeout", text, out var value, out var error));
        Assert.Null(error);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), value);
    }

    [Theory]
    [InlineData("5x")]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("1.5h")]
    [InlineData("99999999999999999h")]
    public void TryParse_NotADuration_ExplainsTheFormat(string text)
    {
        Assert.False(DurationParser.TryParse("--job-timeout", text, out _, out var error));
        Assert.Equal($"--job-timeout: '{text}' is not a duration; use a number followed by ms, s, m or h, e.g. 30s", error);
    }

    [Theory]
    [InlineData(90_000, "90s")]
    [InlineData(3_600_000, "1h")]
    [InlineData(1_500, "1500ms")]
    [InlineData(0, "0s")]
    public void Format_Duration_RoundTrips(long milliseconds, string text)
    {
        Assert.Equal(text, DurationParser.Format(TimeSpan.FromMilliseconds(milliseconds)));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationParser.Parse("--x", text));
    }
}
