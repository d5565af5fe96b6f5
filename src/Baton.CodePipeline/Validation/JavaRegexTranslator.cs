using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Baton.CodePipeline.Validation;

/// <summary>
/// Translates the service model's regular expressions, written for <c>java.util.regex</c>, into
/// .NET syntax with the same meaning, anchored so the whole string must match (as the service
/// checks them).
/// </summary>
/// <remarks>
/// Java's shorthand classes are ASCII-only by default while .NET's are Unicode, and Java's
/// <c>.</c> stops at every line terminator, not just <c>\n</c>; both are rewritten. Java-only
/// constructs with no .NET equivalent (possessive quantifiers, class intersection, nested class
/// unions) are rejected with an <see cref="ArgumentException"/> rather than silently changed.
/// </remarks>
internal static class JavaRegexTranslator
{
    private const string WordChars = "a-zA-Z0-9_";
    private const string DigitChars = "0-9";
    private const string SpaceChars = " \\t\\n\\x0B\\f\\r";
    private const string LineTerminators = "\\n\\r\\u0085\\u2028\\u2029";

    private static readonly Dictionary<string, string> _posixClasses = new(StringComparer.Ordinal)
    {
        ["Lower"] = "a-z",
        ["Upper"] = "A-Z",
        ["ASCII"] = "\\x00-\\x7F",
        ["Alpha"] = "a-zA-Z",
        ["Digit"] = "0-9",
        ["Alnum"] = "a-zA-Z0-9",
        ["Punct"] = "!-/:-@\\[-`{-~",
        ["Graph"] = "!-~",
        ["Print"] = " -~",
        ["Blank"] = " \\t",
        ["Cntrl"] = "\\x00-\\x1F\\x7F",
        ["XDigit"] = "0-9a-fA-F",
        ["Space"] = SpaceChars,
    };

    /// <summary>Returns the .NET pattern that matches exactly the strings the Java pattern matches in full.</summary>
    /// <param name="javaPattern">A pattern from the service model.</param>
    /// <exception cref="ArgumentException">The pattern uses a Java construct with no .NET equivalent.</exception>
    public static string TranslateWholeMatch(string javaPattern) => "\\A(?:" + Translate(javaPattern) + ")\\z";

    /// <summary>Translates a Java pattern into .NET syntax without adding anchors.</summary>
    /// <param name="javaPattern">A pattern from the service model.</param>
    /// <exception cref="ArgumentException">The pattern uses a Java construct with no .NET equivalent.</exception>
    public static string Translate(string javaPattern)
    {
        ArgumentNullException.ThrowIfNull(javaPattern);
        var output = new StringBuilder(javaPattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < javaPattern.Length; i++)
        {
            var c = javaPattern[i];
            if (c == '\\')
            {
                i = TranslateEscape(javaPattern, i, inClass, output);
            }
            else if (inClass)
            {
                if (c == '[' || (c == '&' && At(javaPattern, i + 1) == '&'))
                {
                    throw Unsupported(javaPattern, i, "character class union or intersection");
                }

                inClass = c != ']';
                output.Append(c);
            }
            else if (c == '[')
            {
                inClass = true;
                output.Append(c);
                if (At(javaPattern, i + 1) == '^')
                {
                    output.Append('^');
                    i++;
                }
            }
            else if (c == '.')
            {
                output.Append("[^").Append(LineTerminators).Append(']');
            }
            else if ((c is '*' or '+' or '?' or '}') && At(javaPattern, i + 1) == '+' && !IsGroupOpening(javaPattern, i))
            {
                throw Unsupported(javaPattern, i, "possessive quantifier");
            }
            else
            {
                output.Append(c);
            }
        }

        return output.ToString();
    }

    private static int TranslateEscape(string pattern, int i, bool inClass, StringBuilder output)
    {
        if (i + 1 >= pattern.Length)
        {
            throw new ArgumentException($"The pattern '{pattern}' ends with a lone backslash.", nameof(pattern));
        }

        var code = pattern[i + 1];
        switch (code)
        {
            case 'w':
                output.Append(Class(WordChars, inClass));
                return i + 1;
            case 'd':
                output.Append(Class(DigitChars, inClass));
                return i + 1;
            case 's':
                output.Append(Class(SpaceChars, inClass));
                return i + 1;
            case 'W':
                output.Append(Negated(WordChars, pattern, i, inClass));
                return i + 1;
            case 'D':
                output.Append(Negated(DigitChars, pattern, i, inClass));
                return i + 1;
            case 'S':
                output.Append(Negated(SpaceChars, pattern, i, inClass));
                return i + 1;
            case 'Q':
                return Quote(pattern, i, output);
            case 'p' or 'P' when At(pattern, i + 2) == '{':
                return PropertyClass(pattern, i, inClass, output);
            case 'h' or 'H' or 'v' or 'V' or 'R' or 'X':
                throw Unsupported(pattern, i, "\\" + code);
            default:
                output.Append('\\').Append(code);
                return i + 1;
        }
    }

    private static int Quote(string pattern, int i, StringBuilder output)
    {
        var end = pattern.IndexOf("\\E", i + 2, StringComparison.Ordinal);
        var literal = end < 0 ? pattern[(i + 2)..] : pattern[(i + 2)..end];
        foreach (var ch in literal)
        {
            output.Append(char.IsAsciiLetterOrDigit(ch) ? ch.ToString() : "\\u" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture));
        }

        return end < 0 ? pattern.Length - 1 : end + 1;
    }

    private static int PropertyClass(string pattern, int i, bool inClass, StringBuilder output)
    {
        var close = pattern.IndexOf('}', i + 3);
        if (close < 0)
        {
            throw new ArgumentException($"The pattern '{pattern}' has an unterminated \\p{{...}} at {i}.", nameof(pattern));
        }

        var name = pattern[(i + 3)..close];
        var negated = pattern[i + 1] == 'P';
        if (_posixClasses.TryGetValue(name, out var chars))
        {
            output.Append(negated ? Negated(chars, pattern, i, inClass) : Class(chars, inClass));
        }
        else
        {
            // Unicode categories and blocks (\p{L}, \p{IsGreek}) mean the same in .NET.
            output.Append(pattern, i, close - i + 1);
        }

        return close;
    }

    private static string Class(string chars, bool inClass) => inClass ? chars : "[" + chars + "]";

    private static string Negated(string chars, string pattern, int i, bool inClass) =>
        inClass ? throw Unsupported(pattern, i, "a negated shorthand class inside [...]") : "[^" + chars + "]";

    private static bool IsGroupOpening(string pattern, int i) => pattern[i] == '?' && i > 0 && pattern[i - 1] == '(';

    private static char At(string pattern, int i) => i < pattern.Length ? pattern[i] : '\0';

    private static ArgumentException Unsupported(string pattern, int i, string construct) =>
        new($"The pattern '{pattern}' uses the Java construct {construct} at position {i}, which has no .NET equivalent.", nameof(pattern));

    /// <summary>Compiles a translated whole-match pattern with the options the validator uses.</summary>
    /// <param name="javaPattern">A pattern from the service model.</param>
    /// <param name="matchTimeout">The longest one match may run.</param>
    public static Regex Compile(string javaPattern, TimeSpan matchTimeout) =>
        new(TranslateWholeMatch(javaPattern), RegexOptions.CultureInvariant, matchTimeout);
}
