namespace Baton.LoadTest.Running;

/// <summary>The reasons recorded on tests that end without a verdict.</summary>
public static class TestReasons
{
    /// <summary>The test was running when the service process ended (crash, kill or restart); found at the next start.</summary>
    /// <param name="secondsKept">The seconds of results stored before the end.</param>
    /// <returns>The reason.</returns>
    public static string Restarted(int secondsKept) =>
        $"The service restarted during the test; {secondsKept} seconds of results kept. Run the test again for a verdict.";

    /// <summary>The service was stopped (gracefully) while the test ran.</summary>
    /// <param name="secondsKept">The seconds of results stored.</param>
    /// <returns>The reason.</returns>
    public static string Stopped(int secondsKept) =>
        $"The service stopped during the test; {secondsKept} seconds of results kept. Run the test again for a verdict.";
}
