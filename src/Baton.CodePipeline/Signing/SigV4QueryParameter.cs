namespace Baton.CodePipeline.Signing;

/// <summary>One query parameter as sent (encoded) and decoded.</summary>
/// <param name="RawName">The name as sent, percent-encoded.</param>
/// <param name="RawValue">The value as sent, percent-encoded; empty when the parameter had no <c>=</c>.</param>
public sealed record SigV4QueryParameter(string RawName, string RawValue)
{
    /// <summary>The decoded name (percent-escapes resolved; <c>+</c> stays a plus, as SigV4 treats it).</summary>
    public string Name => SigV4Encoding.PercentDecode(RawName);

    /// <summary>The decoded value.</summary>
    public string Value => SigV4Encoding.PercentDecode(RawValue);

    /// <summary>Splits a raw query string into parameters, skipping empty segments.</summary>
    /// <param name="rawQuery">The query without the leading <c>?</c>.</param>
    public static IReadOnlyList<SigV4QueryParameter> Parse(string rawQuery)
    {
        ArgumentNullException.ThrowIfNull(rawQuery);
        var result = new List<SigV4QueryParameter>();
        foreach (var segment in rawQuery.Split('&'))
        {
            if (segment.Length == 0)
            {
                continue;
            }

            var equals = segment.IndexOf('=', StringComparison.Ordinal);
            result.Add(equals < 0
                ? new SigV4QueryParameter(segment, string.Empty)
                : new SigV4QueryParameter(segment[..equals], segment[(equals + 1)..]));
        }

        return result;
    }
}
