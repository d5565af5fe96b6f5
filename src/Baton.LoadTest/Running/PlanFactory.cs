using System.Text;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Running;

/// <summary>Turns a stored <see cref="TestDefinition"/> into the engine's <see cref="LoadTestPlan"/>.</summary>
public static class PlanFactory
{
    private static readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Creates the plan.</summary>
    /// <param name="definition">The test.</param>
    /// <returns>
    /// The plan: an open model (rate, ramping from 0 over the ramp-up when there is one) or a closed
    /// model (users, started over the ramp-up). Thresholds abort the run as soon as they are certainly lost.
    /// </returns>
    public static LoadTestPlan Create(TestDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        LoadModel model = definition switch
        {
            { Users: { } users } => new ClosedLoadModel(users, definition.Duration) { RampUp = definition.RampUp },
            { RampUp.Ticks: > 0 } when definition.RampUp < definition.Duration => OpenLoadModel.Ramping(
                0,
                new RateStage(definition.RampUp, definition.Rate ?? 0),
                new RateStage(definition.Duration - definition.RampUp, definition.Rate ?? 0)),
            { RampUp.Ticks: > 0 } => OpenLoadModel.Ramping(0, new RateStage(definition.Duration, definition.Rate ?? 0)),
            _ => OpenLoadModel.Constant(definition.Rate ?? 0, definition.Duration),
        };

        return new LoadTestPlan
        {
            Request = new LoadTestRequest
            {
                Method = definition.Method,
                Targets = [.. definition.Targets.Select(t => new RequestTarget(new Uri(t)))],
                Headers = [.. definition.Headers],
                Body = definition.Body is null ? ReadOnlyMemory<byte>.Empty : Encoding.UTF8.GetBytes(definition.Body),
            },
            Model = model,
            RequestTimeout = _requestTimeout,
            Thresholds = definition.Thresholds,
            AbortOnThresholdLoss = true,
        };
    }
}
