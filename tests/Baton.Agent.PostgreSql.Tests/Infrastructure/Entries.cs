using Baton.Agent.Journal;

namespace Baton.Agent.PostgreSql.Tests.Infrastructure;

/// <summary>Journal entries for the tests.</summary>
internal static class Entries
{
    public const string ActionType = "Test/Custom/BatonTest/1";

    public static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static JournalEntry Entry(string agentId, DateTimeOffset recordedAt, string? jobId = null, string actionType = ActionType) => new()
    {
        JobId = jobId ?? Guid.NewGuid().ToString(),
        IsThirdParty = false,
        ActionType = actionType,
        IncomingToken = null,
        Step = 1,
        AgentId = agentId,
        RecordedAt = recordedAt,
    };
}
