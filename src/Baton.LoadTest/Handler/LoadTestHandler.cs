using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Contracts;
using Microsoft.Extensions.Options;

namespace Baton.LoadTest.Handler;

/// <summary>
/// The agent side of the BatonLoadTest action (<see cref="LoadTestActionType"/>):
/// <code>
/// Start    ─ check configuration ─ POST /api/v1/tests (Idempotency-Key = job.IdempotencyKey)
///          ─► Continue(testId, "Queued load test &lt;id&gt;", externalExecutionId: testId)
/// Continue ─ GET /api/v1/tests/{id}
///          ├ Queued/Running ─► Continue(testId, percent, "1,204 req/s · p95 41 ms · 0.1% errors")
///          ├ Passed         ─► Succeed("PASSED …")
///          ├ Failed         ─► Fail(JobFailed, "FAILED thresholds: p95&lt;300ms (measured 412 ms); …")
///          └ Cancelled/Error ─► Fail(JobFailed, reason)
/// service unreachable ─ retry with backoff inside the step ─ past the budget ─► Fail(SystemUnavailable)
/// 401 ─► ConfigurationError "the API key was rejected"
/// </code>
/// </summary>
public sealed class LoadTestHandler : IJobHandler
{
    private readonly LoadTestServiceClient _client;
    private readonly LoadTestHandlerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILoadTestAccountResolver? _accounts;
    private readonly ILogger<LoadTestHandler> _logger;

    /// <summary>Creates the handler.</summary>
    /// <param name="client">The service client.</param>
    /// <param name="options">The handler options.</param>
    /// <param name="timeProvider">The clock of the retry backoff.</param>
    /// <param name="logger">The logger.</param>
    /// <param name="accounts">Maps third-party client ids to account keys (in-process with the service); optional.</param>
    public LoadTestHandler(LoadTestServiceClient client, IOptions<LoadTestHandlerOptions> options, TimeProvider timeProvider, ILogger<LoadTestHandler> logger, ILoadTestAccountResolver? accounts = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _options = options.Value;
        _time = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _accounts = accounts;
    }

    /// <inheritdoc/>
    public async ValueTask<StepResult> StartAsync(JobContext job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var configuration = LoadTestJobConfiguration.Read(job.Configuration);
        var (service, apiKey) = await ConnectAsync(job, configuration, cancellationToken).ConfigureAwait(false);
        var outcome = await CallAsync(
            service,
            ct => _client.CreateTestAsync(service, apiKey, configuration.ToRequest(TestName(job)), job.IdempotencyKey, ct),
            cancellationToken).ConfigureAwait(false);
        if (outcome.Failure is { } failure)
        {
            return failure;
        }

        var test = outcome.Value.Test;
        return Next(test, configuration) ?? StepResult.Continue(
            test.Id,
            test.PercentComplete,
            $"Queued load test {test.Id}",
            CheckAfter(configuration),
            externalExecutionId: test.Id);
    }

    /// <inheritdoc/>
    public async ValueTask<StepResult> ContinueAsync(JobContext job, string state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (!Guid.TryParse(state, out _))
        {
            return StepResult.Fail(FailureType.JobFailed, $"The continuation state '{state}' is not a load test id; the action execution cannot be resumed.");
        }

        var configuration = LoadTestJobConfiguration.Read(job.Configuration);
        var (service, apiKey) = await ConnectAsync(job, configuration, cancellationToken).ConfigureAwait(false);
        var outcome = await CallAsync(service, ct => _client.GetTestAsync(service, apiKey, state, ct), cancellationToken).ConfigureAwait(false);
        return outcome.Failure ?? Next(outcome.Value, configuration) ?? StepResult.Continue(
            state,
            outcome.Value.PercentComplete,
            outcome.Value.Status == TestStatus.Queued ? $"Queued load test {state}" : outcome.Value.Summary,
            CheckAfter(configuration),
            externalExecutionId: state);
    }

    // The final result for an ended test, or null while it is queued or running.
    private static StepResult? Next(TestView test, LoadTestJobConfiguration configuration) => test.Status switch
    {
        TestStatus.Passed => StepResult.Succeed($"PASSED {test.Summary}", externalExecutionId: test.Id),
        TestStatus.Failed => StepResult.Fail(FailureType.JobFailed, FailedMessage(test)),
        TestStatus.Cancelled => StepResult.Fail(FailureType.JobFailed, $"Load test {test.Id} was cancelled. {test.Reason}".Trim()),
        TestStatus.Error => StepResult.Fail(FailureType.JobFailed, $"Load test {test.Id} ended without a verdict: {test.Reason ?? "no reason given"}"),
        _ => null,
    };

    private static string FailedMessage(TestView test)
    {
        var failed = test.Thresholds.Where(t => t.Passed == false).Select(t => $"{t.Expression} ({(t.Measured is null or "no data" ? "no data" : "measured " + t.Measured)})").ToList();
        var verdict = failed.Count > 0 ? "FAILED thresholds: " + string.Join("; ", failed) : "FAILED";
        var reason = test.Reason is null ? string.Empty : $" {test.Reason}";
        return $"{verdict} · {test.Summary}.{reason}";
    }

    private TimeSpan CheckAfter(LoadTestJobConfiguration configuration) =>
        TimeSpan.FromTicks(Math.Clamp(configuration.Duration.Ticks / 10, TimeSpan.TicksPerSecond, Math.Max(TimeSpan.TicksPerSecond, _options.MaxCheckInterval.Ticks)));

    private static string TestName(JobContext job) =>
        job.Pipeline.PipelineName is { } pipeline
            ? string.Join(" / ", new[] { pipeline, job.Pipeline.StageName, job.Pipeline.ActionName }.Where(p => !string.IsNullOrEmpty(p)))
            : $"Job {job.IdempotencyKey}";

    private async ValueTask<(Uri Service, string ApiKey)> ConnectAsync(JobContext job, LoadTestJobConfiguration configuration, CancellationToken cancellationToken)
    {
        var service = configuration.ServiceUrl ?? _options.ServiceUrl
            ?? throw new JobConfigurationException("ServiceUrl", "The action configuration property 'ServiceUrl' is required here: this agent has no default load-test service URL.");
        if (configuration.ApiKey is { } apiKey)
        {
            return (service, apiKey);
        }

        if (job.IsThirdParty && (_options.ClientIdSelector is { } selector ? selector(job) : job.ClientId) is { } clientId && _accounts is not null)
        {
            return (service, await _accounts.FindApiKeyAsync(clientId, cancellationToken).ConfigureAwait(false)
                ?? throw new JobConfigurationException(
                    "ApiKey",
                    $"Client id {clientId} is not connected to a load-test account: connect the action from the pipeline (the sign-up page), or set the 'ApiKey' property."));
        }

        throw new JobConfigurationException("ApiKey", "The action configuration property 'ApiKey' is required: set it to your load-test account's API key.");
    }

    private async Task<(T Value, StepResult? Failure)> CallAsync<T>(Uri service, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        var delay = _options.InitialBackoff;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var value = await call(cancellationToken).ConfigureAwait(false);
                if (attempt > 1)
                {
                    Log.ServiceReachable(_logger, service, attempt);
                }

                return (value, null);
            }
            catch (LoadTestServiceException ex) when (ex.Kind == LoadTestServiceErrorKind.Unavailable)
            {
                var elapsed = _time.GetElapsedTime(started);
                if (elapsed + delay > _options.UnavailableBudget)
                {
                    return (default!, StepResult.Fail(
                        FailureType.SystemUnavailable,
                        $"The load-test service at {service} was unreachable for {elapsed.TotalSeconds:0} s ({attempt} attempts): {ex.Message}"));
                }

                Log.ServiceUnreachable(_logger, service, attempt, ex.Message, delay);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxBackoff.Ticks));
            }
            catch (LoadTestServiceException ex) when (ex.Kind == LoadTestServiceErrorKind.Unauthorized)
            {
                throw new JobConfigurationException("ApiKey", $"The load-test service at {service} rejected the API key: check the 'ApiKey' property or the account the action is connected to.");
            }
            catch (LoadTestServiceException ex) when (ex.Kind == LoadTestServiceErrorKind.Invalid)
            {
                // The service names its own fields (targetUrl, duration); the message names the action's properties.
                List<string> properties = ex.Errors.Count == 0 ? [PropertyOf(null)] : ex.Errors.Keys.Select(PropertyOf).Distinct(StringComparer.Ordinal).ToList();
                var named = string.Join(" and ", properties.Select(p => $"'{p}'"));
                throw new JobConfigurationException(
                    properties[0],
                    $"The load-test service rejected the configuration {(properties.Count == 1 ? "property" : "properties")} {named}: {ex.Message.Split(": ", 2)[^1]}");
            }
            catch (LoadTestServiceException ex) when (ex.Kind == LoadTestServiceErrorKind.NotFound)
            {
                return (default!, StepResult.Fail(FailureType.JobFailed, $"The load test no longer exists at {service} for this account: {ex.Message}"));
            }
        }
    }

    private static string PropertyOf(string? field) => field switch
    {
        null => "TargetUrl",
        _ when field.StartsWith("target", StringComparison.Ordinal) => "TargetUrl",
        _ => char.ToUpperInvariant(field[0]) + field[1..],
    };
}
