namespace Baton.LoadTest.Contracts;

/// <summary>What the details page refreshes from (<c>GET /tests/{id}/live</c>): the test and its per-second series.</summary>
/// <param name="Test">The test.</param>
/// <param name="Seconds">One point per elapsed second.</param>
public sealed record TestDetailsView(TestView Test, IReadOnlyList<TestSecondView> Seconds);

/// <summary>One second of a test.</summary>
/// <param name="Second">The elapsed second, from 0.</param>
/// <param name="Requests">Requests finished in the second (which is also the second's requests/s).</param>
/// <param name="Errors">Failed requests in the second.</param>
/// <param name="P95Ms">The second's 95th percentile latency in milliseconds (null without responses).</param>
public sealed record TestSecondView(int Second, long Requests, long Errors, double? P95Ms);

/// <summary>The answer of <c>GET /api/v1/tests</c>.</summary>
/// <param name="Tests">The account's tests, newest first.</param>
public sealed record TestListView(IReadOnlyList<TestView> Tests);
