namespace Baton.Cli.Infrastructure;

/// <summary>An <see cref="IProgress{T}"/> that calls back at once on the reporting thread (no synchronization context hop).</summary>
/// <typeparam name="T">The report type.</typeparam>
/// <param name="report">The callback.</param>
internal sealed class ProgressCallback<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
