using Baton.Agent.Handlers;

namespace Baton.LoadTest.Handler;

/// <summary>Settings of <see cref="LoadTestHandler"/>.</summary>
public sealed class LoadTestHandlerOptions
{
    /// <summary>The load-test service's base URL; the action's <c>ServiceUrl</c> property overrides it.</summary>
    public Uri? ServiceUrl { get; set; }

    /// <summary>How long, within one step, the handler keeps retrying an unreachable service before the job fails with SystemUnavailable. Default 2 minutes.</summary>
    public TimeSpan UnavailableBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The first wait between retries; it doubles each time. Default 1 second.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between retries. Default 15 seconds.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest pause between status checks (the step's <c>checkAfter</c> is the smaller of this and a tenth of the test's duration). Default 10 seconds.</summary>
    public TimeSpan MaxCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Overrides how a third-party job's client id is found; the sign-up page mapped the action to an
    /// account by that id (see <see cref="Accounts.ILoadTestAccountResolver"/>). Unset, the handler
    /// uses <see cref="JobContext.ClientId"/>. A selector that returns <see langword="null"/> leaves
    /// the job needing the <c>ApiKey</c> property like a custom action.
    /// </summary>
    public Func<JobContext, string?>? ClientIdSelector { get; set; }
}
