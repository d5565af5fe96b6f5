using System.Text.Json.Serialization;

namespace Baton.LoadTest.Contracts;

/// <summary>Where a load test stands. <see cref="Queued"/> and <see cref="Running"/> are the only states that change.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TestStatus>))]
public enum TestStatus
{
    /// <summary>Accepted, waiting for a free runner slot.</summary>
    Queued,

    /// <summary>Sending load.</summary>
    Running,

    /// <summary>Ran to the end and every threshold held.</summary>
    Passed,

    /// <summary>Ran (to the end, or until a threshold could no longer pass) and at least one threshold failed.</summary>
    Failed,

    /// <summary>Cancelled by its owner.</summary>
    Cancelled,

    /// <summary>Ended without a verdict (the service stopped or restarted during the test, or the engine failed); <c>reason</c> says why.</summary>
    Error,
}
