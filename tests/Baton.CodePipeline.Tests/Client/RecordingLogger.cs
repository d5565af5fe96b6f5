using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baton.CodePipeline.Tests.Client;

/// <summary>A logger that keeps every entry, formatted, with its event name.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string EventName, string Message)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string EventName, string Message)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, eventId.Name ?? string.Empty, formatter(state, exception)));
}
