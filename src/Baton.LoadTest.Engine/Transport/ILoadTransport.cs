namespace Baton.LoadTest.Engine.Transport;

/// <summary>
/// Sends one request of the run's <see cref="Plan.LoadTestRequest"/> and reports the outcome.
/// A transport owns its connections and enforces the request timeout; it never throws for a
/// failed request: failures come back as <see cref="TransportResult.Error"/>.
/// </summary>
public interface ILoadTransport : IAsyncDisposable
{
    /// <summary>Sends the request to one target and waits for the whole response.</summary>
    /// <param name="targetIndex">The index into <see cref="Plan.LoadTestRequest.Targets"/>.</param>
    /// <param name="cancellationToken">Cancels the run; the request then ends as <see cref="Metrics.LoadErrorKind.Cancelled"/>.</param>
    /// <returns>The outcome.</returns>
    ValueTask<TransportResult> SendAsync(int targetIndex, CancellationToken cancellationToken);
}
