using System.Globalization;
using System.Text;
using Baton.LoadTest.Contracts;

namespace Baton.LoadTest.Pages;

/// <summary>
/// The details page's chart, drawn on the server: requests/s per second (blue, left scale) and p95
/// latency per second (orange, right scale). Only numbers go into it, never user text.
/// </summary>
internal static class ChartSvg
{
    private const int Width = 720;
    private const int Height = 240;
    private const int Left = 56;
    private const int Right = 64;
    private const int Top = 16;
    private const int Bottom = 32;
    private static readonly int[] _steps = [1, 2, 5, 10];

    public static string Render(IReadOnlyList<TestSecondView> seconds)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" id="chart-svg" viewBox="0 0 {Width} {Height}" role="img" aria-label="Requests per second and p95 latency per second">""");
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{Left}" y="{Top}" width="{PlotWidth}" height="{PlotHeight}" fill="#f6f8fa"/>""");
        if (seconds.Count == 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Width / 2}" y="{Height / 2}" text-anchor="middle" fill="#57606a">No results yet</text></svg>""");
            return svg.ToString();
        }

        var lastSecond = Math.Max(1, seconds[^1].Second);
        var maxRate = Nice(seconds.Max(s => (double)s.Requests));
        var maxP95 = Nice(seconds.Max(s => s.P95Ms ?? 0));
        double X(int second) => Left + (PlotWidth * second / (double)lastSecond);
        double Y(double value, double max) => Top + PlotHeight - (PlotHeight * value / max);

        Polyline(svg, "rps", "#0969da", seconds.Select(s => (X(s.Second), Y(s.Requests, maxRate))));
        Polyline(svg, "p95", "#bc4c00", seconds.Where(s => s.P95Ms is not null).Select(s => (X(s.Second), Y(s.P95Ms!.Value, maxP95))));
        Label(svg, Left - 6, Top + 10, "end", "#0969da", Format(maxRate) + " req/s");
        Label(svg, Left - 6, Top + PlotHeight, "end", "#0969da", "0");
        Label(svg, Width - Right + 6, Top + 10, "start", "#bc4c00", Format(maxP95) + " ms p95");
        Label(svg, Width - Right + 6, Top + PlotHeight, "start", "#bc4c00", "0");
        Label(svg, Left, Height - 10, "start", "#57606a", "0 s");
        Label(svg, Width - Right, Height - 10, "end", "#57606a", lastSecond.ToString(CultureInfo.InvariantCulture) + " s");
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static int PlotWidth => Width - Left - Right;

    private static int PlotHeight => Height - Top - Bottom;

    private static void Polyline(StringBuilder svg, string id, string colour, IEnumerable<(double X, double Y)> points)
    {
        var coordinates = string.Join(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X:0.#},{p.Y:0.#}")));
        svg.Append(CultureInfo.InvariantCulture, $"""<polyline id="{id}" fill="none" stroke="{colour}" stroke-width="2" points="{coordinates}"/>""");
    }

    private static void Label(StringBuilder svg, double x, double y, string anchor, string colour, string text) =>
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{y:0.#}" text-anchor="{anchor}" font-size="11" fill="{colour}">{text}</text>""");

    // A round upper bound for the scale (1, 2, 5 × 10^n), never zero.
    private static double Nice(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return _steps.Select(f => f * magnitude).First(v => v >= max);
    }

    private static string Format(double value) => value.ToString(value >= 10 ? "#,0" : "0.##", CultureInfo.InvariantCulture);
}
