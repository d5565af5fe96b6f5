using System.Globalization;

namespace Baton.Bench.Agent;

/// <summary>The <c>--name value</c> pairs of a command line, read with typed accessors and defaults.</summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static BenchArguments Parse(IReadOnlyList<string> args)
    {
        var result = new BenchArguments();
        for (var i = 0; i < args.Count; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                throw new BenchException($"expected '--name value' pairs, got '{args[i]}'.");
            }

            result._values[args[i][2..]] = args[i + 1];
        }

        return result;
    }

    public string String(string name, string? defaultValue = null) =>
        _values.TryGetValue(name, out var value) ? value
        : defaultValue ?? throw new BenchException($"--{name} is required.");

    public int Int32(string name, int defaultValue) =>
        !_values.TryGetValue(name, out var text) ? defaultValue
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new BenchException($"--{name}: '{text}' is not a positive whole number.");

    public double Double(string name, double defaultValue) =>
        !_values.TryGetValue(name, out var text) ? defaultValue
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0 ? value
        : throw new BenchException($"--{name}: '{text}' is not a number.");

    /// <summary>A duration written as <c>500ms</c>, <c>30s</c> or <c>2m</c>.</summary>
    public TimeSpan Duration(string name, TimeSpan defaultValue)
    {
        if (!_values.TryGetValue(name, out var text))
        {
            return defaultValue;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            : (text, 1.0);
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0
            ? TimeSpan.FromSeconds(value * unit)
            : throw new BenchException($"--{name}: '{text}' is not a duration such as 500ms, 30s or 2m.");
    }
}
