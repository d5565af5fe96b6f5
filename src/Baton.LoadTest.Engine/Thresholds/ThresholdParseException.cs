namespace Baton.LoadTest.Engine.Thresholds;

/// <summary>A threshold expression does not follow the grammar; the message gives the column and what was expected.</summary>
public sealed class ThresholdParseException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public ThresholdParseException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ThresholdParseException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ThresholdParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a column.</summary>
    /// <param name="column">The 1-based column of the problem.</param>
    /// <param name="message">What was expected and found.</param>
    public ThresholdParseException(int column, string message)
        : base($"column {column}: {message}") => Column = column;

    /// <summary>The 1-based column of the problem.</summary>
    public int Column { get; }
}
