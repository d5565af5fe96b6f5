namespace Baton.LoadTest.Store;

/// <summary>
/// The service's results store: tests, their per-second histograms (written as the test runs, so a
/// restart loses at most the last second), and the connected clients of the sign-up page.
/// </summary>
public interface ITestStore
{
    /// <summary>
    /// Stores a new queued test, or, when the account already has a test with the same idempotency
    /// key, returns that one instead.
    /// </summary>
    /// <param name="candidate">The test to create.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The stored test and whether it was created now.</returns>
    Task<(TestRecord Test, bool Created)> CreateAsync(TestRecord candidate, CancellationToken cancellationToken);

    /// <summary>Finds a test by id.</summary>
    /// <param name="id">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test, or null.</returns>
    Task<TestRecord?> GetAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>An account's tests, newest first.</summary>
    /// <param name="accountId">The account.</param>
    /// <param name="limit">The most tests to return.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tests.</returns>
    Task<IReadOnlyList<TestRecord>> ListAsync(string accountId, int limit, CancellationToken cancellationToken);

    /// <summary>Moves the oldest queued test to Running and returns it, or null when none is queued.</summary>
    /// <param name="now">The start time to record.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The claimed test.</returns>
    Task<TestRecord?> ClaimNextQueuedAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Persists one second of a running test and the figures so far, together.</summary>
    /// <param name="id">The test id.</param>
    /// <param name="second">The second.</param>
    /// <param name="figures">The figures including the second.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>A task.</returns>
    Task AppendSecondAsync(Guid id, TestSecondRecord second, TestFigures figures, CancellationToken cancellationToken);

    /// <summary>Ends a queued or running test; a test that has already ended is left as it is.</summary>
    /// <param name="id">The test id.</param>
    /// <param name="completion">How it ended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test afterwards, or null when it does not exist.</returns>
    Task<TestRecord?> CompleteAsync(Guid id, TestCompletion completion, CancellationToken cancellationToken);

    /// <summary>The persisted seconds of a test, in order.</summary>
    /// <param name="id">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The seconds.</returns>
    Task<IReadOnlyList<TestSecondRecord>> GetSecondsAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Deals, at start-up, with the tests an earlier process left Running (a crash, or a stop
    /// mid-test). Queued tests stay queued in both stores.
    /// <list type="bullet">
    /// <item>A single-node store (<see cref="SqliteTestStore"/>) ends every such test with status
    /// Error and <paramref name="reason"/>, keeping the seconds already stored, and returns them.</item>
    /// <item>A store shared by replicas (<see cref="PostgreSqlTestStore"/>) ends none: a Running test
    /// there may belong to a live replica. It hands back the tests this replica (same replica id)
    /// left Running, ending their leases now so that the next claim by any replica re-runs them from
    /// the start; other replicas' tests are left to their leases. <paramref name="reason"/> is
    /// unused and the list returned is empty.</item>
    /// </list>
    /// </summary>
    /// <param name="now">The end time to record (SQLite), or the time the handed-back leases end (PostgreSQL).</param>
    /// <param name="reason">The reason to record, from the number of seconds kept (SQLite only).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tests ended this way (always empty for PostgreSQL).</returns>
    Task<IReadOnlyList<TestRecord>> EndInterruptedAsync(DateTimeOffset now, Func<int, string> reason, CancellationToken cancellationToken);

    /// <summary>
    /// Stores the connection of a pipeline action, or replaces it when the client id is already
    /// connected to the same account. A client id connected to another account is left as it is
    /// (one check-and-write, so two sign-ups racing cannot steal it): compare the returned
    /// connection's account with the caller's.
    /// </summary>
    /// <param name="client">The connection.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connection stored afterwards: <paramref name="client"/>, or the other account's one.</returns>
    Task<ConnectedClient> SaveClientAsync(ConnectedClient client, CancellationToken cancellationToken);

    /// <summary>Finds the connection of a client id.</summary>
    /// <param name="clientId">The client id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The connection, or null.</returns>
    Task<ConnectedClient?> FindClientAsync(string clientId, CancellationToken cancellationToken);
}
