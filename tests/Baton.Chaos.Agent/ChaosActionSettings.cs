using Baton.Agent.Handlers;

namespace Baton.Chaos.Agent;

/// <summary>
/// The chaos action's configuration properties: <c>Backend</c> (the fake backend's base URL),
/// <c>Steps</c> (how many continue steps follow the start) and <c>CheckAfter</c> (the pause
/// between steps, e.g. <c>2s</c>).
/// </summary>
/// <param name="Backend">The backend's base URL, ending in a slash.</param>
/// <param name="Steps">How many continue steps follow the start.</param>
/// <param name="CheckAfter">The pause each step asks for.</param>
internal sealed record ChaosActionSettings(Uri Backend, int Steps, TimeSpan CheckAfter)
{
    public static ChaosActionSettings From(JobConfiguration configuration)
    {
        var backend = configuration.GetUri("Backend");
        if (!backend.IsLoopback)
        {
            throw new JobConfigurationException(nameof(Backend), $"Backend '{backend}' is not a loopback address; the chaos backend runs on 127.0.0.1.");
        }

        var steps = configuration.GetInt32("Steps");
        if (steps is < 1 or > 1000)
        {
            throw new JobConfigurationException(nameof(Steps), $"Steps is {steps}; use 1–1000.");
        }

        var baseUri = backend.AbsoluteUri.EndsWith('/') ? backend : new Uri(backend.AbsoluteUri + "/");
        return new ChaosActionSettings(baseUri, steps, configuration.GetTimeSpan("CheckAfter"));
    }
}
