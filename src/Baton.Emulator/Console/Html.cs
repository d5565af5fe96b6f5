using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Baton.Emulator.Console;

/// <summary>
/// Builds the console's HTML. Every piece of text from outside (pipeline, stage and action names,
/// summaries, error messages, URLs) goes through <see cref="Text"/> or <see cref="Attr"/>, which
/// HTML-encode it; only literal markup in the page classes is appended raw.
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder _builder = new();

    /// <summary>Appends literal markup written in this assembly, never data.</summary>
    public Html Raw(string markup)
    {
        _builder.Append(markup);
        return this;
    }

    /// <summary>Appends text, encoded; null appends nothing.</summary>
    public Html Text(string? text)
    {
        if (text is not null)
        {
            _builder.Append(HtmlEncoder.Default.Encode(text));
        }

        return this;
    }

    /// <summary>Appends <c> name="value"</c> with the value encoded; null omits the attribute.</summary>
    public Html Attr(string name, string? value)
    {
        if (value is not null)
        {
            _builder.Append(' ').Append(name).Append("=\"").Append(HtmlEncoder.Default.Encode(value)).Append('"');
        }

        return this;
    }

    /// <summary>Appends an element with encoded text content: <c>&lt;tag class="..."&gt;text&lt;/tag&gt;</c>.</summary>
    public Html Element(string tag, string? cssClass, string? text, string? field = null)
    {
        Raw("<" + tag).Attr("class", cssClass).Attr("data-field", field).Raw(">").Text(text).Raw("</" + tag + ">");
        return this;
    }

    /// <summary>
    /// Appends a link when <paramref name="url"/> is an absolute http or https URL, and the URL as
    /// plain text otherwise, so a <c>javascript:</c> or <c>data:</c> URL can never be followed.
    /// </summary>
    public Html Link(string? url, string text, string field)
    {
        if (url is null)
        {
            return this;
        }

        if (IsWebUrl(url))
        {
            return Raw("<a").Attr("data-field", field).Attr("href", url).Raw(" rel=\"noopener noreferrer\" target=\"_blank\">").Text(text).Raw("</a>");
        }

        return Raw("<span").Attr("data-field", field).Raw(" class=\"unsafe-url\">").Text(url).Raw("</span>");
    }

    /// <summary>Appends a timestamp as a <c>&lt;time&gt;</c> element in UTC.</summary>
    public Html Time(DateTimeOffset? time, string? field = null)
    {
        if (time is not { } value)
        {
            return Raw("<span").Attr("data-field", field).Raw(">–</span>");
        }

        var iso = value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        return Raw("<time").Attr("data-field", field).Attr("datetime", iso).Raw(">").Text(FormatTime(value)).Raw("</time>");
    }

    /// <summary>Whether a URL may be rendered as a link: absolute, http or https.</summary>
    public static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The console's timestamp format, in UTC: <c>2025-01-06 09:00:00Z</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A path segment, percent-encoded.</summary>
    public static string Segment(string value) => Uri.EscapeDataString(value);

    /// <inheritdoc />
    public override string ToString() => _builder.ToString();
}
