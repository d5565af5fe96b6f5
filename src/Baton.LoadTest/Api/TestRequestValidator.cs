using System.Globalization;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Thresholds;
using Baton.LoadTest.Hosting;
using Baton.LoadTest.Running;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Api;

/// <summary>
/// Checks a <see cref="CreateTestRequest"/> and turns it into a <see cref="TestDefinition"/>. Every
/// problem is reported at once, keyed by the JSON field at fault (RFC 7807 <c>errors</c>), each
/// message saying what to fix.
/// </summary>
/// <param name="allowList">The hosts the service may load.</param>
/// <param name="options">The service limits.</param>
public sealed class TestRequestValidator(TargetAllowList allowList, LoadTestServiceOptions options)
{
    private const int MaxTargets = 20;
    private const int MaxNameLength = 200;
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Validates a request.</summary>
    /// <param name="request">The request.</param>
    /// <param name="errors">The problems by field; empty when valid.</param>
    /// <returns>The definition, or null when there are problems.</returns>
    public TestDefinition? Validate(CreateTestRequest request, out Dictionary<string, string[]> errors)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string field, string message) => (problems.TryGetValue(field, out var list) ? list : problems[field] = []).Add(message);

        var targets = CheckTargets(request, Add);
        var method = string.IsNullOrWhiteSpace(request.Method) ? "GET" : request.Method.Trim().ToUpperInvariant();
        var duration = CheckDuration(request.Duration, "duration", required: true, Add);
        var rampUp = CheckDuration(request.RampUp, "rampUp", required: false, Add);
        if (duration > TimeSpan.Zero && rampUp > duration)
        {
            Add("rampUp", $"rampUp ({request.RampUp}) must not be longer than duration ({request.Duration}).");
        }

        CheckLoad(request, Add);
        if (!string.IsNullOrWhiteSpace(request.Thresholds))
        {
            try
            {
                ThresholdParser.Parse(request.Thresholds);
            }
            catch (ThresholdParseException ex)
            {
                Add("thresholds", $"thresholds '{request.Thresholds}' is invalid: {ex.Message}.");
            }
        }

        if (request.Name is { Length: > MaxNameLength })
        {
            Add("name", $"name must be at most {MaxNameLength} characters, was {request.Name.Length}.");
        }

        if (request.Body is { } body && System.Text.Encoding.UTF8.GetByteCount(body) > MaxBodyBytes)
        {
            Add("body", $"body must be at most {MaxBodyBytes} bytes.");
        }

        TestDefinition? definition = null;
        if (problems.Count == 0)
        {
            definition = new TestDefinition
            {
                Name = string.IsNullOrWhiteSpace(request.Name) ? targets[0] : request.Name.Trim(),
                Targets = targets,
                Method = method,
                Headers = request.Headers ?? new Dictionary<string, string>(),
                Body = string.IsNullOrEmpty(request.Body) ? null : request.Body,
                Rate = request.Rate,
                Users = request.Users,
                Duration = duration,
                RampUp = rampUp,
                Thresholds = string.IsNullOrWhiteSpace(request.Thresholds) ? null : request.Thresholds.Trim(),
            };

            // The engine's own checks catch the rest (method and header syntax, a plan with no sends).
            try
            {
                PlanFactory.Create(definition).Validate();
            }
            catch (LoadTestPlanException ex)
            {
                foreach (var problem in ex.Problems)
                {
                    Add(FieldOf(problem), problem);
                }

                definition = null;
            }
        }

        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
        return definition;
    }

    private List<string> CheckTargets(CreateTestRequest request, Action<string, string> add)
    {
        var given = new List<(string Field, string? Url)>();
        if (request.TargetUrl is not null)
        {
            given.Add(("targetUrl", request.TargetUrl));
        }

        for (var i = 0; i < (request.Targets?.Count ?? 0); i++)
        {
            given.Add(($"targets[{i}]", request.Targets![i]));
        }

        if (given.Count == 0)
        {
            add("targetUrl", "targetUrl is required: the absolute http(s) URL to load, e.g. http://127.0.0.1:8080/.");
        }
        else if (given.Count > MaxTargets)
        {
            add("targets", $"At most {MaxTargets} targets, got {given.Count}.");
        }

        var targets = new List<string>();
        foreach (var (field, text) in given)
        {
            if (!Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                add(field, $"{field} must be an absolute http or https URL such as http://127.0.0.1:8080/, was '{text}'.");
            }
            else if (!allowList.IsAllowed(url))
            {
                add(field, $"{field} host '{url.Host}' is not an allowed target: this service may only load {allowList} (its operator can allow more with --allow-target).");
            }
            else
            {
                targets.Add(url.AbsoluteUri);
            }
        }

        return targets;
    }

    private void CheckLoad(CreateTestRequest request, Action<string, string> add)
    {
        switch (request.Rate, request.Users)
        {
            case (null, null):
                add("rate", "Give rate (requests per second) or users (virtual users).");
                break;
            case (not null, not null):
                add("users", "Give rate or users, not both.");
                break;
            case ({ } rate, null) when !double.IsFinite(rate) || rate <= 0 || rate > options.MaxRate:
                add("rate", string.Create(CultureInfo.InvariantCulture, $"rate must be more than 0 and at most {options.MaxRate} requests per second, was {rate}."));
                break;
            case (null, { } users) when users < 1 || users > options.MaxUsers:
                add("users", string.Create(CultureInfo.InvariantCulture, $"users must be between 1 and {options.MaxUsers}, was {users}."));
                break;
        }
    }

    private TimeSpan CheckDuration(string? text, string field, bool required, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                add(field, $"{field} is required: how long to send, e.g. 30s, 5m or 00:01:00.");
            }

            return TimeSpan.Zero;
        }

        if (!DurationText.TryParse(text, out var value))
        {
            add(field, $"{field} must be a duration such as 30s, 1m30s or 00:01:00, was '{text}'.");
        }
        else if (value < TimeSpan.Zero || (required && value == TimeSpan.Zero))
        {
            add(field, $"{field} must be {(required ? "positive" : "zero or positive")}, was '{text}'.");
        }
        else if (value > options.MaxDuration)
        {
            add(field, $"{field} must be at most {DurationText.Format(options.MaxDuration)}, was '{text}'.");
        }
        else
        {
            return value;
        }

        return TimeSpan.Zero;
    }

    private static string FieldOf(string problem) =>
        problem.StartsWith("Request header", StringComparison.Ordinal) ? "headers"
        : problem.StartsWith("Request.Method", StringComparison.Ordinal) ? "method"
        : problem.StartsWith("Request.Targets", StringComparison.Ordinal) ? "targets"
        : problem.Contains("Rate", StringComparison.Ordinal) ? "rate"
        : "duration";
}
