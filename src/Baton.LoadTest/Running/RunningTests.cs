using System.Collections.Concurrent;

namespace Baton.LoadTest.Running;

/// <summary>The tests this process is running, so a cancel request reaches the engine.</summary>
public sealed class RunningTests
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    /// <summary>Cancels a running test.</summary>
    /// <param name="id">The test id.</param>
    /// <returns>Whether the test runs here and was told to stop.</returns>
    public bool TryCancel(Guid id)
    {
        if (!_running.TryGetValue(id, out var cancel))
        {
            return false;
        }

        try
        {
            cancel.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>Whether a test is running in this process.</summary>
    /// <param name="id">The test id.</param>
    /// <returns>True while this process runs it.</returns>
    public bool IsRunning(Guid id) => _running.ContainsKey(id);

    internal CancellationTokenSource Add(Guid id)
    {
        var cancel = new CancellationTokenSource();
        _running[id] = cancel;
        return cancel;
    }

    internal void Remove(Guid id)
    {
        if (_running.TryRemove(id, out var cancel))
        {
            cancel.Dispose();
        }
    }
}
