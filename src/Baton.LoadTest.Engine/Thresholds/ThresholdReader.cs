using System.Globalization;

namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>The cursor of <see cref="ThresholdParser"/>: position, look-ahead and error messages naming what was found.</summary>
internal sealed class Reader(string text)
{
    public string Text => text;

    public int Position { get; set; }

    public int Column => Position + 1;

    public bool AtEnd => Position >= text.Length;

    public char Current => AtEnd ? '\0' : text[Position];

    public char Next => Position + 1 >= text.Length ? '\0' : text[Position + 1];

    public void Advance(int count) => Position += count;

    public void SkipSpaces()
    {
        while (!AtEnd && char.IsWhiteSpace(text[Position]))
        {
            Position++;
        }
    }

    /// <summary>The run of ASCII letters at the cursor (empty when none).</summary>
    public string PeekLetters()
    {
        var end = Position;
        while (end < text.Length && char.IsAsciiLetter(text[end]))
        {
            end++;
        }

        return text[Position..end];
    }

    public double? ReadNumber()
    {
        var end = Position;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        if (end == Position)
        {
            return null;
        }

        if (end + 1 < text.Length && text[end] == '.' && char.IsAsciiDigit(text[end + 1]))
        {
            end++;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }
        }

        var value = double.Parse(text.AsSpan(Position, end - Position), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        Position = end;
        return value;
    }

    /// <summary>An error at the cursor: "column N: {expected}, found 'token'" (or "found end of input").</summary>
    public ThresholdParseException Error(string expected) => new(Column, $"{expected}, found {Found()}");

    private string Found()
    {
        if (AtEnd)
        {
            return "end of input";
        }

        var end = Position + 1;
        var c = text[Position];
        Func<char, bool>? same = char.IsAsciiLetter(c) ? char.IsAsciiLetter : char.IsAsciiDigit(c) ? ch => char.IsAsciiDigit(ch) || ch == '.' : null;
        while (same is not null && end < text.Length && same(text[end]))
        {
            end++;
        }

        return $"'{text[Position..end]}'";
    }
}
