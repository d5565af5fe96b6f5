using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Transport.Http1;

namespace Baton.LoadTest.Engine.Transport;

/// <summary>Creates the transport a plan asks for.</summary>
public static class LoadTransports
{
    /// <summary>
    /// The socket client for <see cref="TransportKind.Socket"/>, or for <see cref="TransportKind.Auto"/>
    /// when every target is plain <c>http</c> and the version is HTTP/1.1; HttpClient otherwise.
    /// </summary>
    /// <param name="plan">A validated plan.</param>
    /// <param name="timeProvider">The run's clock.</param>
    /// <returns>The transport; the caller disposes it.</returns>
    public static ILoadTransport Create(LoadTestPlan plan, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var useSocket = plan.Transport switch
        {
            TransportKind.Socket => true,
            TransportKind.HttpClient => false,
            _ => plan.Request.HttpVersion == System.Net.HttpVersion.Version11
                && plan.Request.Targets.All(t => t.Url.Scheme == Uri.UriSchemeHttp),
        };

        return useSocket
            ? new SocketHttp1Transport(plan.Request, plan.EffectiveConnections, plan.RequestTimeout, timeProvider)
            : new HttpClientTransport(plan.Request, plan.EffectiveConnections, plan.RequestTimeout, timeProvider);
    }
}
