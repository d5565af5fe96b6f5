using Baton.LoadTest.Accounts;
using Baton.LoadTest.Api;

namespace Baton.LoadTest.Hosting;

/// <summary>Everything the load-test service is started with. Every setting, its flag and its default.</summary>
public sealed record LoadTestServiceOptions
{
    /// <summary><c>--port N</c>: the port on 127.0.0.1; 0 picks a free one. Default 5080.</summary>
    public int Port { get; init; } = 5080;

    /// <summary><c>--data-dir DIR</c>: where <c>loadtest.db</c> lives. Default <c>./loadtest-data</c>; ignored with <see cref="InMemory"/>.</summary>
    public string DataDirectory { get; init; } = "loadtest-data";

    /// <summary><c>--in-memory</c>: keep everything in memory (lost on exit).</summary>
    public bool InMemory { get; init; }

    /// <summary>
    /// <c>--allow-target CIDR|address|host</c> (repeatable): hosts the service may load, added to
    /// the loopback defaults (<see cref="TargetAllowList.LoopbackOnly"/>).
    /// </summary>
    public IReadOnlyList<string> AllowedTargets { get; init; } = [];

    /// <summary>
    /// <c>--account ID=KEY</c> (repeatable): the accounts and their API keys. When none are given,
    /// the service seeds <see cref="LoadTestAccount.Demo"/> (<c>demo</c> / <c>baton-demo-key</c>).
    /// </summary>
    public IReadOnlyList<LoadTestAccount> Accounts { get; init; } = [];

    /// <summary><c>--max-concurrent N</c>: tests run at once; the rest wait in the queue. Default 2.</summary>
    public int MaxConcurrentTests { get; init; } = 2;

    /// <summary>The longest test accepted. Default 1 hour.</summary>
    public TimeSpan MaxDuration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The highest arrival rate accepted, in requests per second. Default 10,000.</summary>
    public double MaxRate { get; init; } = 10_000;

    /// <summary>The most virtual users accepted. Default 1,000.</summary>
    public int MaxUsers { get; init; } = 1_000;

    /// <summary>The accounts in effect: <see cref="Accounts"/>, or the demo account when none are given.</summary>
    public IReadOnlyList<LoadTestAccount> EffectiveAccounts => Accounts.Count > 0 ? Accounts : [LoadTestAccount.Demo];

    /// <summary>The allow-list in effect: loopback plus <see cref="AllowedTargets"/>.</summary>
    public IReadOnlyList<string> EffectiveAllowedTargets => [.. TargetAllowList.LoopbackOnly, .. AllowedTargets];
}
