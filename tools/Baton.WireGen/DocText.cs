using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Baton.WireGen;

/// <summary>
/// Turns the model's HTML documentation into XML doc text: the first paragraph, HTML removed,
/// whitespace collapsed, at most two sentences, XML-escaped and wrapped into lines.
/// </summary>
internal static partial class DocText
{
    private const int MaxSentences = 2;
    private const int LineWidth = 96;

    /// <summary>
    /// The escaped summary text, or <paramref name="fallback"/> (already XML, used as it is) when
    /// the model documents nothing.
    /// </summary>
    public static string Summary(string? html, string fallback)
    {
        var text = html is null ? string.Empty : PlainFirstParagraph(html);
        return text.Length == 0 ? fallback : Escape(text);
    }

    /// <summary>The XML doc comment lines for a summary, each starting with <c>/// </c>.</summary>
    public static IEnumerable<string> SummaryLines(string escapedText)
    {
        var single = $"<summary>{escapedText}</summary>";
        if (single.Length <= LineWidth)
        {
            yield return "/// " + single;
            yield break;
        }

        yield return "/// <summary>";
        foreach (var line in Wrap(escapedText))
        {
            yield return "/// " + line;
        }

        yield return "/// </summary>";
    }

    private static string PlainFirstParagraph(string html)
    {
        var paragraph = FirstParagraph().Match(html);
        var body = paragraph.Success ? paragraph.Groups[1].Value : html;
        var text = WebUtility.HtmlDecode(Tag().Replace(InlineTag().Replace(body, string.Empty), " "));
        text = Whitespace().Replace(text, " ").Trim();
        text = SpaceBeforePunctuation().Replace(text, "$1");
        var sentences = SentenceEnd().Split(text);
        return sentences.Length <= MaxSentences ? text : string.Join(' ', sentences.Take(MaxSentences));
    }

    /// <summary>Escapes text for an XML doc comment.</summary>
    public static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal);

    private static IEnumerable<string> Wrap(string text)
    {
        var line = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineWidth)
            {
                yield return line.ToString();
                line.Clear();
            }

            if (line.Length > 0)
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        if (line.Length > 0)
        {
            yield return line.ToString();
        }
    }

    [GeneratedRegex(@"<p>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex FirstParagraph();

    [GeneratedRegex(@"</?(?:code|a|b|i|em|strong)(?:\s[^>]*)?>")]
    private static partial Regex InlineTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s+([.,;:)])")]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@"(?<=[a-z0-9)][.!?])\s+(?=[A-Z])")]
    private static partial Regex SentenceEnd();
}
