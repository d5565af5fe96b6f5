using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Tests.Security;

/// <summary>
/// Captures everything every logger writes, at every level: the formatted message, each structured
/// value, the exception with its stack trace and the values of the active scopes. A test can wait
/// for an entry (no polling) and search all of it for a secret.
/// </summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource Done)> _waiters = [];
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <summary>Completes when an entry containing <paramref name="text"/> is logged (or already was).</summary>
    public Task WaitForAsync(string text, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            _waiters.Add((e => e.Contains(text, StringComparison.Ordinal), done));
        }

        if (_entries.Any(e => e.Contains(text, StringComparison.Ordinal)))
        {
            done.TrySetResult();
        }

        return done.Task.WaitAsync(timeout);
    }

    public void Dispose()
    {
    }

    private void Add(string entry)
    {
        _entries.Enqueue(entry);
        lock (_waiters)
        {
            foreach (var (match, done) in _waiters.Where(w => w.Match(entry)))
            {
                done.TrySetResult();
            }
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var parts = new List<string> { $"{logLevel} {category}[{eventId.Id}]: {formatter(state, exception)}" };
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                parts.AddRange(values.Select(v => $"{v.Key}={v.Value}"));
            }

            provider._scopes.ForEachScope(
                (scope, list) =>
                {
                    list.Add($"scope: {scope}");
                    if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues)
                    {
                        list.AddRange(scopeValues.Select(v => $"{v.Key}={v.Value}"));
                    }
                },
                parts);
            if (exception is not null)
            {
                parts.Add(exception.ToString());
            }

            provider.Add(string.Join(" | ", parts));
        }
    }
}
