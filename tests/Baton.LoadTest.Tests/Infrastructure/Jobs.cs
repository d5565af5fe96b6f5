using Baton.Agent.Handlers;
using Baton.LoadTest.Handler;

namespace Baton.LoadTest.Tests.Infrastructure;

/// <summary>Builds the <see cref="JobContext"/> of a load-test job.</summary>
public static class Jobs
{
    public static JobContext Context(IReadOnlyDictionary<string, string> configuration, string? idempotencyKey = null, bool thirdParty = false, int step = 1) => new()
    {
        JobId = Guid.NewGuid().ToString(),
        IsThirdParty = thirdParty,
        ActionTypeId = thirdParty ? LoadTestActionType.ThirdParty : LoadTestActionType.Custom,
        Configuration = new JobConfiguration(configuration),
        Pipeline = new JobPipelineContext("shop", "Test", "Load", Guid.NewGuid().ToString()),
        Step = step,
        ActionStartedAt = DateTimeOffset.UnixEpoch,
        IdempotencyKey = idempotencyKey ?? Guid.NewGuid().ToString(),
    };
}
