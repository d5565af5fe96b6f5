namespace Baton.Agent.Tests.EndToEnd;

/// <summary>
/// Waits for a condition on state the test does not control (the emulator, another process) by
/// checking it every 25 ms until a deadline. The deadline only bounds a hung test; it is not a
/// timing assertion.
/// </summary>
internal static class Eventually
{
    private static readonly TimeSpan _interval = TimeSpan.FromMilliseconds(25);

    /// <summary>Returns <see langword="true"/> once the condition holds, <see langword="false"/> at the deadline.</summary>
    public static async Task<bool> TryWaitAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var timer = new PeriodicTimer(_interval);
        while (!await condition())
        {
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                return false;
            }
        }

        return true;
    }
}
