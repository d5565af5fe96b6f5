namespace Baton.TestAgent;

/// <summary>
/// The lines the tests synchronise on, one per event, on standard output (logs go to standard
/// error so nothing else is interleaved): <c>baton-test-agent started</c>,
/// <c>baton-test-agent step-start step=2 job=… key=…</c>, <c>… step-blocked …</c>, <c>… step-end …</c>.
/// </summary>
internal static class Markers
{
    public const string Prefix = "baton-test-agent";

    private static readonly Lock _lock = new();

    public static void Started() => Write("started");

    public static void Stopping() => Write("stopping");

    public static void Step(string what, int step, string jobId, string idempotencyKey) =>
        Write($"{what} step={step} job={jobId} key={idempotencyKey}");

    private static void Write(string line)
    {
        lock (_lock)
        {
            Console.Out.WriteLine($"{Prefix} {line}");
            Console.Out.Flush();
        }
    }
}
