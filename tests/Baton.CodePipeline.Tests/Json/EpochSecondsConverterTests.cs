using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Json;

public class EpochSecondsConverterTests
{
    private static readonly DateTimeOffset _created = new(2015, 10, 29, 16, 48, 32, 204, TimeSpan.Zero);

    [Fact]
    public void Read_FractionalSeconds_KeepsTheMilliseconds()
    {
        var response = CodePipelineJson.Deserialize<GetPipelineStateResponse>("""{"created": 1446137312.204}""");

        Assert.Equal(_created, response.Created);
    }

    [Fact]
    public void Read_IntegerSeconds_IsAccepted()
    {
        var response = CodePipelineJson.Deserialize<GetPipelineStateResponse>("""{"created": 1446137312}""");

        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1446137312), response.Created);
    }

    [Theory]
    [InlineData("\"2015-10-29T16:48:32.204Z\"")]
    [InlineData("\"2015-10-29T18:48:32.204+02:00\"")]
    [InlineData("\"1446137312.204\"")]
    public void Read_String_AcceptsIsoDateTimeOrEpochSeconds(string json)
    {
        var response = CodePipelineJson.Deserialize<GetPipelineStateResponse>($$"""{"created": {{json}}}""");

        Assert.Equal(_created, response.Created);
    }

    [Theory]
    [InlineData("\"yesterday\"", "'yesterday' is not a timestamp")]
    [InlineData("true", "must be a number of epoch seconds")]
    [InlineData("1e20", "outside the years 1 to 9999")]
    public void Read_NotATimestamp_FailsSayingWhatIsExpected(string json, string expected)
    {
        var error = Assert.Throws<JsonException>(() => CodePipelineJson.Deserialize<GetPipelineStateResponse>($$"""{"created": {{json}}}"""));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Milliseconds_WritesThreeDecimals()
    {
        var json = CodePipelineJson.Serialize(new GetPipelineStateResponse { Created = _created });

        Assert.Equal("""{"created":1446137312.204}""", json);
    }

    [Fact]
    public void Write_WholeSecond_WritesAnInteger()
    {
        var json = CodePipelineJson.Serialize(new GetPipelineStateResponse { Created = DateTimeOffset.FromUnixTimeSeconds(1446137312) });

        Assert.Equal("""{"created":1446137312}""", json);
    }

    [Fact]
    public void Write_TenthsOfASecond_WritesNoTrailingZeros()
    {
        var json = CodePipelineJson.Serialize(new GetPipelineStateResponse { Created = DateTimeOffset.FromUnixTimeMilliseconds(1446137312200) });

        Assert.Equal("""{"created":1446137312.2}""", json);
    }

    [Fact]
    public void Write_SubMillisecondTicks_TruncatesToMilliseconds()
    {
        var json = CodePipelineJson.Serialize(new GetPipelineStateResponse { Created = _created.AddTicks(9_999) });

        Assert.Equal("""{"created":1446137312.204}""", json);
    }

    [Fact]
    public void Write_BeforeTheEpoch_WritesNegativeSeconds()
    {
        var json = CodePipelineJson.Serialize(new GetPipelineStateResponse { Created = DateTimeOffset.UnixEpoch.AddMilliseconds(-1500) });

        Assert.Equal("""{"created":-1.5}""", json);
    }
}
