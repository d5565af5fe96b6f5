namespace Baton.Agent.Runner;

/// <summary>Fits handler text into the lengths the CodePipeline model allows.</summary>
internal static class ReportText
{
    /// <summary>The model's <c>ExecutionSummary</c> max.</summary>
    public const int MaxSummaryLength = 2048;

    /// <summary>The model's <c>Message</c> max (failure details).</summary>
    public const int MaxMessageLength = 5000;

    private const char Ellipsis = '…';

    /// <summary>
    /// Cuts <paramref name="text"/> to at most <paramref name="maxLength"/> characters, ending with
    /// an ellipsis when cut and never splitting a surrogate pair. Empty text becomes null (the
    /// model's minimum length is 1).
    /// </summary>
    public static string? Fit(string? text, int maxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (text.Length <= maxLength)
        {
            return text;
        }

        var cut = maxLength - 1;
        if (char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut), [Ellipsis]);
    }
}
