namespace Baton.Agent.Tests.Fakes;

/// <summary>The order in which the fakes were called ("ack", "record", "start", "put-success", ...).</summary>
internal sealed class EventLog
{
    private readonly List<string> _events = [];

    public void Add(string name)
    {
        lock (_events)
        {
            _events.Add(name);
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_events)
        {
            return [.. _events];
        }
    }
}
