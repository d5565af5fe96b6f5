using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// The model's patterns, translated and compiled once each and shared by every thread.
/// </summary>
internal static class ModelPatterns
{
    /// <summary>
    /// The longest a single match may run. Inputs are bounded by the model's lengths, so a match
    /// that runs this long is pathological; it counts as a failed match rather than an exception.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> _compiled = new(StringComparer.Ordinal);

    /// <summary>Whether the whole of <paramref name="value"/> matches the model pattern.</summary>
    /// <param name="javaPattern">The pattern exactly as the model states it.</param>
    /// <param name="value">The value to test.</param>
    public static bool IsWholeMatch(string javaPattern, string value)
    {
        var regex = _compiled.GetOrAdd(javaPattern, static p => JavaRegexTranslator.Compile(p, MatchTimeout));
        try
        {
            return regex.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
