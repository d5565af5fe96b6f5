using Baton.LoadTest.Engine.Scheduling;

namespace Baton.LoadTest.Engine.Plan;

/// <summary>The checks behind <see cref="LoadTestPlan.Validate"/>, one message per problem.</summary>
internal static class LoadTestPlanRules
{
    private static readonly TimeSpan _longestRun = TimeSpan.FromHours(24);

    public static void CheckRequest(LoadTestRequest? request, TransportKind transport, List<string> problems)
    {
        if (request is null)
        {
            problems.Add("Request is required.");
            return;
        }

        if (string.IsNullOrEmpty(request.Method) || !request.Method.All(IsTokenChar))
        {
            problems.Add($"Request.Method must be an HTTP method token such as GET or POST, was '{request.Method}'.");
        }

        if (request.Targets is null || request.Targets.Count == 0)
        {
            problems.Add("Request.Targets needs at least one URL.");
        }
        else
        {
            for (var i = 0; i < request.Targets.Count; i++)
            {
                CheckTarget(i, request.Targets[i], transport, request.HttpVersion, problems);
            }
        }

        foreach (var (name, value) in request.Headers ?? [])
        {
            if (string.IsNullOrEmpty(name) || !name.All(IsTokenChar))
            {
                problems.Add($"Request header name '{name}' is not a valid HTTP token.");
            }
            else if (value is null || value.Contains('\r', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add($"Request header '{name}' has a value with a line break or no value.");
            }
            else if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase) || name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Request header '{name}' is set by the engine from the body; remove it.");
            }
        }

        if (request.HttpVersion != System.Net.HttpVersion.Version11 && request.HttpVersion != System.Net.HttpVersion.Version20)
        {
            problems.Add($"Request.HttpVersion must be 1.1 or 2.0, was {request.HttpVersion}.");
        }
        else if (request.HttpVersion == System.Net.HttpVersion.Version20 && transport == TransportKind.Socket)
        {
            problems.Add("Transport Socket speaks HTTP/1.1 only; use HttpClient (or Auto) for HTTP/2.");
        }
    }

    public static void CheckModel(LoadModel? model, List<string> problems)
    {
        switch (model)
        {
            case null:
                problems.Add("Model is required (an OpenLoadModel or a ClosedLoadModel).");
                break;
            case OpenLoadModel open:
                CheckOpen(open, problems);
                break;
            case ClosedLoadModel closed:
                CheckClosed(closed, problems);
                break;
            default:
                problems.Add($"Model {model.GetType().Name} is not supported.");
                break;
        }
    }

    private static void CheckTarget(int index, RequestTarget? target, TransportKind transport, Version version, List<string> problems)
    {
        if (target?.Url is not { IsAbsoluteUri: true } url || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            problems.Add($"Request.Targets[{index}].Url must be an absolute http or https URL, was '{target?.Url}'.");
            return;
        }

        if (target.Weight is < 1 or > 1000)
        {
            problems.Add($"Request.Targets[{index}].Weight must be between 1 and 1000, was {target.Weight}.");
        }

        if (transport == TransportKind.Socket && url.Scheme == Uri.UriSchemeHttps)
        {
            problems.Add($"Request.Targets[{index}].Url is https, which the Socket transport does not speak; use HttpClient (or Auto).");
        }

        if (version == System.Net.HttpVersion.Version20 && url.Scheme == Uri.UriSchemeHttp && !url.IsLoopback)
        {
            problems.Add($"Request.Targets[{index}].Url: HTTP/2 without TLS (h2c) is only supported on loopback, was '{url}'.");
        }
    }

    private static void CheckOpen(OpenLoadModel open, List<string> problems)
    {
        var before = problems.Count;
        if (!double.IsFinite(open.StartRate) || open.StartRate < 0 || open.StartRate > 1_000_000)
        {
            problems.Add($"OpenLoadModel.StartRate must be between 0 and 1000000 requests/s, was {open.StartRate}.");
        }

        if (open.Stages is null || open.Stages.Count == 0)
        {
            problems.Add("OpenLoadModel.Stages needs at least one stage.");
            return;
        }

        for (var i = 0; i < open.Stages.Count; i++)
        {
            var stage = open.Stages[i];
            if (stage.Duration <= TimeSpan.Zero)
            {
                problems.Add($"OpenLoadModel.Stages[{i}].Duration must be positive, was {stage.Duration}.");
            }

            if (!double.IsFinite(stage.TargetRate) || stage.TargetRate < 0 || stage.TargetRate > 1_000_000)
            {
                problems.Add($"OpenLoadModel.Stages[{i}].TargetRate must be between 0 and 1000000 requests/s, was {stage.TargetRate}.");
            }
        }

        if (open.Duration > _longestRun)
        {
            problems.Add($"OpenLoadModel stages last {open.Duration} in total; the longest run is 24 hours.");
        }

        if (open.MaxInFlight is < 1 or > 1_000_000)
        {
            problems.Add($"OpenLoadModel.MaxInFlight must be between 1 and 1000000, was {open.MaxInFlight}.");
        }

        if (open.MaxScheduleLag <= TimeSpan.Zero)
        {
            problems.Add($"OpenLoadModel.MaxScheduleLag must be positive, was {open.MaxScheduleLag}.");
        }

        if (open.SpinWindow < TimeSpan.Zero || open.SpinWindow > TimeSpan.FromMilliseconds(50))
        {
            problems.Add($"OpenLoadModel.SpinWindow must be between 0 and 50 ms, was {open.SpinWindow}.");
        }

        if (problems.Count == before && new ArrivalSchedule(open).TotalCount == 0)
        {
            problems.Add("OpenLoadModel plans no sends: its rates and durations add up to less than one request; raise StartRate or a stage's TargetRate.");
        }
    }

    private static void CheckClosed(ClosedLoadModel closed, List<string> problems)
    {
        if (closed.VirtualUsers is < 1 or > 100_000)
        {
            problems.Add($"ClosedLoadModel.VirtualUsers must be between 1 and 100000, was {closed.VirtualUsers}.");
        }

        if (closed.RunFor <= TimeSpan.Zero || closed.RunFor > _longestRun)
        {
            problems.Add($"ClosedLoadModel.RunFor must be more than 0 and at most 24 hours, was {closed.RunFor}.");
        }

        if (closed.RampUp < TimeSpan.Zero || closed.RampUp > closed.RunFor)
        {
            problems.Add($"ClosedLoadModel.RampUp must be between 0 and RunFor ({closed.RunFor}), was {closed.RampUp}.");
        }

        if (closed.ThinkTime < TimeSpan.Zero)
        {
            problems.Add($"ClosedLoadModel.ThinkTime must not be negative, was {closed.ThinkTime}.");
        }
    }

    private static bool IsTokenChar(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);
}
