using Baton.Agent.Runner;

namespace Baton.Agent.Tests.Runner;

public sealed class ReportTextTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("short", "short")]
    [InlineData("exactly10!", "exactly10!")]
    [InlineData("eleven char", "eleven ch…")]
    public void Fit_Text_FitsTheLimit(string? text, string? expected)
    {
        Assert.Equal(expected, ReportText.Fit(text, 10));
    }

    [Fact]
    public void Fit_CutThroughASurrogatePair_DropsTheWholePair()
    {
        var text = "12345678😀😀";

        var fitted = ReportText.Fit(text, 10)!;

        Assert.Equal("12345678…", fitted);
        Assert.DoesNotContain(fitted, char.IsSurrogate);
    }
}
