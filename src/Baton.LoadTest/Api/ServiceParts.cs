using Baton.LoadTest.Accounts;
using Baton.LoadTest.Running;
using Baton.LoadTest.Store;

namespace Baton.LoadTest.Api;

/// <summary>The services the API handlers use, bound together with <c>[AsParameters]</c>.</summary>
/// <param name="Store">The results store.</param>
/// <param name="Accounts">The accounts and API-key authentication.</param>
/// <param name="Validator">Checks new tests.</param>
/// <param name="Queue">Wakes the runner.</param>
/// <param name="Running">The tests running here.</param>
/// <param name="Feed">Announces changes.</param>
/// <param name="Time">The clock.</param>
/// <param name="Logger">The logger.</param>
public sealed record ServiceParts(
    ITestStore Store,
    AccountDirectory Accounts,
    TestRequestValidator Validator,
    TestQueue Queue,
    RunningTests Running,
    TestChangeFeed Feed,
    TimeProvider Time,
    ILogger<TestRequestValidator> Logger);
