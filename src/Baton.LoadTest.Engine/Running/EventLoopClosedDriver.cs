using System.Net;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Scheduling;
using Baton.LoadTest.Engine.Transport.Http1;

namespace Baton.LoadTest.Engine.Running;

/// <summary>
/// The closed model on event-loop threads, for the common benchmark case: no think time, plain
/// <c>http</c> HTTP/1.1 to one IP address, a connection per virtual user, the system clock.
/// A few threads (one per core, at most one per user) each own a share of the users'
/// connections (<see cref="ClosedEventLoop"/>); this avoids a Task, a thread-pool hop and the
/// socket engine's bookkeeping per request. Every other closed run uses <see cref="ClosedModelDriver"/>.
/// </summary>
internal sealed class EventLoopClosedDriver
{
    private readonly RunState _state;
    private readonly ClosedLoadModel _model;
    private readonly IPEndPoint _endPoint;
    private readonly LoopTarget[] _targets;
    private readonly TargetSelector _selector;
    private readonly long _timeoutTicks;
    private readonly int _threads;

    private EventLoopClosedDriver(RunState state, ClosedLoadModel model, IPEndPoint endPoint, LoopTarget[] targets, TargetSelector selector, TimeSpan timeout, int threads)
    {
        _state = state;
        _model = model;
        _endPoint = endPoint;
        _targets = targets;
        _selector = selector;
        _timeoutTicks = state.SecondsToTicks(timeout.TotalSeconds);
        _threads = threads;
    }

    /// <summary>The driver for <paramref name="plan"/>, or null when the plan needs the general path.</summary>
    /// <param name="plan">A validated plan.</param>
    /// <param name="timeProvider">The run's clock; the loop blocks on real sockets, so only the system clock qualifies.</param>
    /// <param name="state">The run's shared state.</param>
    /// <param name="threads">Event-loop threads; by default one per core.</param>
    public static EventLoopClosedDriver? TryCreate(LoadTestPlan plan, TimeProvider timeProvider, RunState state, int? threads = null)
    {
        var targets = plan.Request.Targets;
        if (plan.Model is not ClosedLoadModel { ThinkTime.Ticks: 0 } model
            || plan.Transport == TransportKind.HttpClient
            || plan.Request.HttpVersion != HttpVersion.Version11
            || timeProvider != TimeProvider.System
            || plan.EffectiveConnections < model.VirtualUsers
            || targets.Any(t => t.Url.Scheme != Uri.UriSchemeHttp || t.Url.Authority != targets[0].Url.Authority)
            || !IPAddress.TryParse(targets[0].Url.IdnHost, out var address))
        {
            return null;
        }

        var encoded = targets.Select(t => new LoopTarget(Http1RequestEncoder.Encode(plan.Request, t.Url), plan.Request.Method == "HEAD")).ToArray();
        var selector = new TargetSelector([.. targets.Select(t => t.Weight)]);
        var count = Math.Clamp(threads ?? Environment.ProcessorCount, 1, model.VirtualUsers);
        return new EventLoopClosedDriver(state, model, new IPEndPoint(address, targets[0].Url.Port), encoded, selector, plan.RequestTimeout, count);
    }

    /// <summary>Runs the users on the loop threads; completes when every loop has ended.</summary>
    public Task RunAsync(CancellationToken cancellationToken)
    {
        var end = _state.Start + _state.SecondsToTicks(_model.RunFor.TotalSeconds);
        var shares = new List<LoopConnection>[_threads];
        for (var i = 0; i < shares.Length; i++)
        {
            shares[i] = [];
        }

        for (var user = 0; user < _model.VirtualUsers; user++)
        {
            var startAt = _state.Start + _state.SecondsToTicks(_model.RampUp.TotalSeconds * user / _model.VirtualUsers);
            shares[user % _threads].Add(new LoopConnection(_endPoint) { StartAt = startAt });
        }

        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = _threads;
        foreach (var share in shares)
        {
            var loop = new ClosedEventLoop(_state, _targets, _selector, _timeoutTicks, end, share);
            var thread = new Thread(() =>
            {
                try
                {
                    loop.Run(cancellationToken);
                }
                catch (Exception ex)
                {
                    done.TrySetException(ex);
                }
                finally
                {
                    if (Interlocked.Decrement(ref running) == 0)
                    {
                        done.TrySetResult();
                    }
                }
            })
            {
                IsBackground = true,
                Name = "Baton closed-model loop",
            };
            thread.Start();
        }

        return done.Task;
    }
}
