using Baton.Agent.Handlers;

namespace Baton.Agent.Tests.Handlers;

public sealed class JobConfigurationTests
{
    private readonly JobConfiguration _configuration = new(new Dictionary<string, string>
    {
        ["Target"] = "https://127.0.0.1:8443/health",
        ["Rate"] = "250",
        ["Duration"] = "1h30m",
        ["Verbose"] = "True",
        ["Blank"] = "  ",
        ["Bad"] = "abc",
    });

    [Fact]
    public void GetRequiredString_Missing_ThrowsNamingTheProperty()
    {
        var ex = Assert.Throws<JobConfigurationException>(() => _configuration.GetRequiredString("ApiKey"));

        Assert.Equal("ApiKey", ex.PropertyName);
        Assert.Equal("The action configuration property 'ApiKey' is required but is not set.", ex.Message);
    }

    [Fact]
    public void GetRequiredString_Blank_CountsAsMissing()
    {
        Assert.Throws<JobConfigurationException>(() => _configuration.GetRequiredString("Blank"));
        Assert.Equal("fallback", _configuration.GetString("Blank", "fallback"));
    }

    [Fact]
    public void TypedAccessors_ValidValues_Parse()
    {
        Assert.Equal(new Uri("https://127.0.0.1:8443/health"), _configuration.GetUri("Target"));
        Assert.Equal(250, _configuration.GetInt32("Rate"));
        Assert.Equal(TimeSpan.FromMinutes(90), _configuration.GetTimeSpan("Duration"));
        Assert.True(_configuration.GetBoolean("Verbose"));
    }

    [Fact]
    public void TypedAccessors_MissingWithDefault_ReturnTheDefault()
    {
        Assert.Equal(7, _configuration.GetInt32("Missing", 7));
        Assert.Equal(TimeSpan.FromSeconds(5), _configuration.GetTimeSpan("Missing", TimeSpan.FromSeconds(5)));
        Assert.False(_configuration.GetBoolean("Missing", false));
        Assert.Null(_configuration.GetUri("Missing", null));
    }

    [Theory]
    [InlineData("Duration", "The action configuration property 'Bad' must be a duration such as 30s or 5m, got 'abc'.")]
    [InlineData("Int32", "The action configuration property 'Bad' must be a whole number such as 10, got 'abc'.")]
    [InlineData("Boolean", "The action configuration property 'Bad' must be true or false, got 'abc'.")]
    [InlineData("Uri", "The action configuration property 'Bad' must be an absolute http or https URL such as https://example.com/, got 'abc'.")]
    public void TypedAccessors_InvalidValue_ThrowSayingWhatIsExpected(string kind, string expected)
    {
        Action read = kind switch
        {
            "Duration" => () => _configuration.GetTimeSpan("Bad"),
            "Int32" => () => _configuration.GetInt32("Bad", 1),
            "Boolean" => () => _configuration.GetBoolean("Bad"),
            _ => () => _configuration.GetUri("Bad"),
        };

        var ex = Assert.Throws<JobConfigurationException>(read);

        Assert.Equal(expected, ex.Message);
        Assert.Equal("Bad", ex.PropertyName);
    }

    [Fact]
    public void GetUri_NonHttpScheme_Throws()
    {
        var configuration = new JobConfiguration(new Dictionary<string, string> { ["Target"] = "file:///etc/passwd" });

        Assert.Throws<JobConfigurationException>(() => configuration.GetUri("Target"));
    }

    [Fact]
    public void Invalid_LongValue_IsCutInTheMessage()
    {
        var configuration = new JobConfiguration(new Dictionary<string, string> { ["Rate"] = new string('9', 500) });

        var ex = Assert.Throws<JobConfigurationException>(() => configuration.GetInt32("Rate"));

        Assert.True(ex.Message.Length < 250, ex.Message);
    }

    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("30s", 30_000)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("00:05:00", 300_000)]
    [InlineData(" 10s ", 10_000)]
    public void DurationParser_ValidText_Parses(string text, long milliseconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("10")]
    [InlineData("s")]
    [InlineData("10x")]
    [InlineData("-5s")]
    [InlineData("5 m")]
    [InlineData("-00:01:00")]
    public void DurationParser_InvalidText_Fails(string text)
    {
        Assert.False(DurationParser.TryParse(text, out _));
    }
}
