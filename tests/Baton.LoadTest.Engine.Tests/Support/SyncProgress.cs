namespace Baton.LoadTest.Engine.Tests.Support;

/// <summary>An <see cref="IProgress{T}"/> that calls back at once, on the reporting thread (Progress&lt;T&gt; would post).</summary>
internal sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
