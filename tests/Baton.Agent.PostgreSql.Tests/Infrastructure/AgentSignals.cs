using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.PostgreSql.Tests.Infrastructure;

/// <summary>
/// A logger provider that turns an agent's log events into things a test can await: the first
/// report the agent made (JobRunner event 11) and every adoption (event 500).
/// </summary>
internal sealed class AgentSignals : ILoggerProvider
{
    private const int ReportedEvent = 11;
    private const int AdoptedEvent = 500;
    private readonly TaskCompletionSource<string> _reported = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<string> _adopted = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<string> FirstReport => _reported.Task;

    public ConcurrentQueue<string> Adoptions { get; } = new();

    public Task<string> FirstAdoption => _adopted.Task;

    public ILogger CreateLogger(string categoryName) => new SignalLogger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class SignalLogger(AgentSignals signals, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (eventId.Id == ReportedEvent && category.EndsWith(".JobRunner", StringComparison.Ordinal))
            {
                signals._reported.TrySetResult(formatter(state, exception));
            }
            else if (eventId.Id == AdoptedEvent)
            {
                var message = formatter(state, exception);
                signals.Adoptions.Enqueue(message);
                signals._adopted.TrySetResult(message);
            }
        }
    }
}
