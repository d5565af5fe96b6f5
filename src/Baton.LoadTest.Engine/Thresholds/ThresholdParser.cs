using System.Globalization;

namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>
/// Parses threshold expressions:
/// <code>
/// expression := clause { ";" clause } [ ";" ]
/// clause     := metric operator value
/// metric     := "p" number | "mean" | "max" | "min" | "errors" | "rps"
/// operator   := "&lt;" | "&lt;=" | "&gt;" | "&gt;="
/// value      := number unit      unit: us | ms | s for latencies, % for errors, none for rps
/// number     := digits [ "." digits ]
/// </code>
/// Spaces are allowed between the parts; names and units are case-insensitive. Errors name the
/// 1-based column and what was expected, e.g. <c>column 6: expected a comparison operator (&lt;, &lt;=, &gt;, &gt;=), found 'x'</c>.
/// </summary>
public static class ThresholdParser
{
    private const string MetricList = "a metric (pNN, mean, max, min, errors, rps)";

    /// <summary>Parses an expression.</summary>
    /// <param name="expression">The thresholds, e.g. <c>p95&lt;300ms; errors&lt;1%</c>.</param>
    /// <returns>One threshold per clause, in order.</returns>
    /// <exception cref="ThresholdParseException">The expression does not follow the grammar.</exception>
    public static IReadOnlyList<Threshold> Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var reader = new Reader(expression);
        var thresholds = new List<Threshold>();
        while (true)
        {
            thresholds.Add(ParseClause(reader));
            reader.SkipSpaces();
            if (reader.AtEnd)
            {
                return thresholds;
            }

            if (reader.Current != ';')
            {
                throw reader.Error("expected ';' or the end of the thresholds");
            }

            reader.Advance(1);
            reader.SkipSpaces();
            if (reader.AtEnd)
            {
                return thresholds;
            }
        }
    }

    private static Threshold ParseClause(Reader reader)
    {
        reader.SkipSpaces();
        var (metric, percentile) = ParseMetric(reader);
        reader.SkipSpaces();
        var op = ParseOperator(reader);
        reader.SkipSpaces();
        var valueColumn = reader.Column;
        var number = reader.ReadNumber() ?? throw reader.Error("expected a number");
        var unitStart = reader.Position;
        reader.SkipSpaces();
        var limit = metric switch
        {
            ThresholdMetric.Errors => ParsePercent(reader, number, valueColumn),
            ThresholdMetric.Rps => PlainNumber(reader, number, unitStart),
            _ => number * LatencyUnit(reader),
        };
        return new Threshold(metric, percentile, op, limit);
    }

    private static (ThresholdMetric Metric, double Percentile) ParseMetric(Reader reader)
    {
        var start = reader.Position;
        if (reader.Current is 'p' or 'P' && char.IsAsciiDigit(reader.Next))
        {
            reader.Advance(1);
            var percentile = reader.ReadNumber()!.Value;
            return percentile is > 0 and <= 100
                ? (ThresholdMetric.Percentile, percentile)
                : throw new ThresholdParseException(start + 1, $"a percentile must be above 0 and at most 100, found '{reader.Text[start..reader.Position]}'");
        }

        var word = reader.PeekLetters();
        var metric = word.ToLowerInvariant() switch
        {
            "mean" => ThresholdMetric.Mean,
            "max" => ThresholdMetric.Max,
            "min" => ThresholdMetric.Min,
            "errors" => ThresholdMetric.Errors,
            "rps" => ThresholdMetric.Rps,
            _ => throw reader.Error($"expected {MetricList}"),
        };
        reader.Advance(word.Length);
        return (metric, 0);
    }

    private static ThresholdOperator ParseOperator(Reader reader)
    {
        var (op, length) = (reader.Current, reader.Next) switch
        {
            ('<', '=') => (ThresholdOperator.LessOrEqual, 2),
            ('>', '=') => (ThresholdOperator.GreaterOrEqual, 2),
            ('<', _) => (ThresholdOperator.Less, 1),
            ('>', _) => (ThresholdOperator.Greater, 1),
            _ => throw reader.Error("expected a comparison operator (<, <=, >, >=)"),
        };
        reader.Advance(length);
        return op;
    }

    private static double ParsePercent(Reader reader, double number, int valueColumn)
    {
        if (reader.Current != '%')
        {
            throw reader.Error("expected '%' after the errors limit");
        }

        reader.Advance(1);
        return number <= 100
            ? number
            : throw new ThresholdParseException(valueColumn, $"an errors limit must be between 0% and 100%, found '{number.ToString(CultureInfo.InvariantCulture)}%'");
    }

    private static double PlainNumber(Reader reader, double number, int unitStart)
    {
        if (!reader.AtEnd && reader.Current != ';')
        {
            reader.Position = unitStart;
            reader.SkipSpaces();
            throw reader.Error("rps takes a plain number of requests per second");
        }

        return number;
    }

    private static double LatencyUnit(Reader reader)
    {
        var unit = reader.PeekLetters();
        var factor = unit.ToLowerInvariant() switch
        {
            "us" => 1d,
            "ms" => 1_000d,
            "s" => 1_000_000d,
            _ => throw reader.Error("expected a time unit (us, ms, s)"),
        };
        reader.Advance(unit.Length);
        return factor;
    }
}
