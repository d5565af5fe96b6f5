using Baton.LoadTest.Engine.Thresholds;

namespace Baton.LoadTest.Engine.Tests.Thresholds;

public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p95<300ms", "p95<300ms")]
    [InlineData("p95<300ms; p99<1s; errors<1%; rps>=500; max<2s; p99.9<=2s; mean<100ms", "p95<300ms; p99<1s; errors<1%; rps>=500; max<2s; p99.9<=2s; mean<100ms")]
    [InlineData("  P95 < 250 ms ;MIN>=10us;", "p95<250ms; min>=10us")]
    [InlineData("errors <= 0.5 %", "errors<=0.5%")]
    [InlineData("rps > 12.5", "rps>12.5")]
    [InlineData("p50<1.5s;p100<=3s", "p50<1.5s; p100<=3s")]
    [InlineData("max<1500us", "max<1.5ms")]
    [InlineData("p99.99<20ms", "p99.99<20ms")]
    [InlineData("errors<0%", "errors<0%")]
    [InlineData("p99<0ms", "p99<0ms")]
    [InlineData("max<0us", "max<0ms")]
    public void Parse_ValidExpression_GivesCanonicalClauses(string input, string canonical)
    {
        var thresholds = ThresholdParser.Parse(input);

        Assert.Equal(canonical, string.Join("; ", thresholds));
    }

    [Fact]
    public void Parse_Clause_CarriesMetricOperatorAndLimitInBaseUnits()
    {
        var thresholds = ThresholdParser.Parse("p99.9<=2s; errors<1%; rps>=500; mean>5us");

        Assert.Equal(new Threshold(ThresholdMetric.Percentile, 99.9, ThresholdOperator.LessOrEqual, 2_000_000), thresholds[0]);
        Assert.Equal(new Threshold(ThresholdMetric.Errors, 0, ThresholdOperator.Less, 1), thresholds[1]);
        Assert.Equal(new Threshold(ThresholdMetric.Rps, 0, ThresholdOperator.GreaterOrEqual, 500), thresholds[2]);
        Assert.Equal(new Threshold(ThresholdMetric.Mean, 0, ThresholdOperator.Greater, 5), thresholds[3]);
    }

    [Theory]
    [InlineData("", "column 1: expected a metric (pNN, mean, max, min, errors, rps), found end of input")]
    [InlineData("mean x100ms", "column 6: expected a comparison operator (<, <=, >, >=), found 'x'")]
    [InlineData("p95 = 300ms", "column 5: expected a comparison operator (<, <=, >, >=), found '='")]
    [InlineData("p95<300", "column 8: expected a time unit (us, ms, s), found end of input")]
    [InlineData("p95<300m", "column 8: expected a time unit (us, ms, s), found 'm'")]
    [InlineData("p95<fast", "column 5: expected a number, found 'fast'")]
    [InlineData("p95<-1ms", "column 5: expected a number, found '-'")]
    [InlineData("errors<1", "column 9: expected '%' after the errors limit, found end of input")]
    [InlineData("errors<150%", "column 8: an errors limit must be between 0% and 100%, found '150%'")]
    [InlineData("rps>=500ms", "column 9: rps takes a plain number of requests per second, found 'ms'")]
    [InlineData("rps>=500 /s", "column 10: rps takes a plain number of requests per second, found '/'")]
    [InlineData("p0<1s", "column 1: a percentile must be above 0 and at most 100, found 'p0'")]
    [InlineData("p100.5<1s", "column 1: a percentile must be above 0 and at most 100, found 'p100.5'")]
    [InlineData("latency<1s", "column 1: expected a metric (pNN, mean, max, min, errors, rps), found 'latency'")]
    [InlineData("p95<300ms p99<1s", "column 11: expected ';' or the end of the thresholds, found 'p'")]
    [InlineData("p95<300ms;;", "column 11: expected a metric (pNN, mean, max, min, errors, rps), found ';'")]
    [InlineData(">5", "column 1: expected a metric (pNN, mean, max, min, errors, rps), found '>'")]
    [InlineData("max<2s; 42", "column 9: expected a metric (pNN, mean, max, min, errors, rps), found '42'")]
    public void Parse_InvalidExpression_ThrowsWithColumnAndExpectation(string input, string message)
    {
        var error = Assert.Throws<ThresholdParseException>(() => ThresholdParser.Parse(input));

        Assert.Equal(message, error.Message);
    }
}
