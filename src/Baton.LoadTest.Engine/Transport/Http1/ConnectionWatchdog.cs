using System.Collections.Concurrent;

namespace Baton.LoadTest.Engine.Transport.Http1;

/// <summary>
/// Enforces request timeouts for the socket client without a timer or cancellation source per
/// request: a periodic sweep closes every connection whose exchange passed its deadline. The
/// timeout is therefore exact to within one sweep period (an eighth of the timeout, 5–100 ms).
/// </summary>
internal sealed class ConnectionWatchdog : IDisposable
{
    private readonly ConcurrentDictionary<Http1Connection, byte> _connections = new();
    private readonly TimeProvider _timeProvider;
    private readonly ITimer _timer;

    public ConnectionWatchdog(TimeSpan timeout, TimeProvider timeProvider)
    {
        _timeProvider = timeProvider;
        var period = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 8, TimeSpan.FromMilliseconds(5).Ticks, TimeSpan.FromMilliseconds(100).Ticks));
        _timer = timeProvider.CreateTimer(_ => Sweep(), null, period, period);
    }

    public IEnumerable<Http1Connection> Connections => _connections.Keys;

    public void Watch(Http1Connection connection) => _connections.TryAdd(connection, 0);

    public void Forget(Http1Connection connection) => _connections.TryRemove(connection, out _);

    public void Dispose() => _timer.Dispose();

    private void Sweep()
    {
        var now = _timeProvider.GetTimestamp();
        foreach (var connection in _connections.Keys)
        {
            var deadline = connection.Deadline;
            if (deadline != 0 && now > deadline)
            {
                connection.MarkTimedOutAndClose();
            }
        }
    }
}
