using System.Text.Json;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Baton.LoadTest.Api;

/// <summary>
/// The REST API, <c>/api/v1/tests</c>. Every call needs an account's API key
/// (<c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key</c>); a test of another account is
/// answered 404, exactly like a test that does not exist.
/// </summary>
public static class TestsApi
{
    /// <summary>The most tests <c>GET /api/v1/tests</c> returns.</summary>
    public const int ListLimit = 100;

    private const int MaxIdempotencyKeyLength = 255;

    /// <summary>Maps the API.</summary>
    /// <param name="endpoints">The application.</param>
    /// <returns>The route group.</returns>
    public static RouteGroupBuilder MapTestsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1/tests");
        api.MapPost("/", CreateTestAsync);
        api.MapGet("/", ListTestsAsync);
        api.MapGet("/{id}", GetTestAsync);
        api.MapPost("/{id}/cancel", CancelTestAsync);
        return api;
    }

    /// <summary>Creates a test, or returns the account's test with the same <c>Idempotency-Key</c> (200 instead of 201).</summary>
    public static async Task<Results<Created<TestView>, Ok<TestView>, ValidationProblem, ProblemHttpResult>> CreateTestAsync(
        HttpRequest request,
        [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey,
        [AsParameters] ServiceParts parts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Accounts.Authenticate(request) is not { } account)
        {
            return Unauthorized(request.HttpContext);
        }

        if (idempotencyKey is { Length: 0 or > MaxIdempotencyKeyLength })
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["Idempotency-Key"] = [$"The Idempotency-Key header must be 1–{MaxIdempotencyKeyLength} characters."] });
        }

        CreateTestRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<CreateTestRequest>(request.Body, JsonSerializerOptions.Web, request.HttpContext.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            var field = string.IsNullOrEmpty(ex.Path) || ex.Path == "$" ? "body" : ex.Path.TrimStart('$', '.');
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [$"The request body is not a valid test: {ex.Message}"] });
        }

        if (body is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Send the test as a JSON object, e.g. {\"targetUrl\": \"http://127.0.0.1:8080/\", \"rate\": 10, \"duration\": \"30s\"}."] });
        }

        if (parts.Validator.Validate(body, out var errors) is not { } definition)
        {
            return TypedResults.ValidationProblem(errors, title: "The test is invalid.");
        }

        var candidate = new TestRecord
        {
            Id = Guid.NewGuid(),
            AccountId = account.Id,
            IdempotencyKey = idempotencyKey,
            Definition = definition,
            Status = TestStatus.Queued,
            CreatedAt = parts.Time.GetUtcNow(),
        };
        var (test, created) = await parts.Store.CreateAsync(candidate, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var view = TestViews.ToView(test, ServiceUrl(request));
        if (!created)
        {
            return TypedResults.Ok(view);
        }

        Log.TestQueued(parts.Logger, test.Id, account.Id);
        parts.Queue.Ring();
        parts.Feed.Publish();
        return TypedResults.Created($"/api/v1/tests/{test.Id}", view);
    }

    /// <summary>The account's tests, newest first (at most <see cref="ListLimit"/>).</summary>
    public static async Task<Results<Ok<TestListView>, ProblemHttpResult>> ListTestsAsync(HttpRequest request, [AsParameters] ServiceParts parts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Accounts.Authenticate(request) is not { } account)
        {
            return Unauthorized(request.HttpContext);
        }

        var tests = await parts.Store.ListAsync(account.Id, ListLimit, request.HttpContext.RequestAborted).ConfigureAwait(false);
        var serviceUrl = ServiceUrl(request);
        return TypedResults.Ok(new TestListView([.. tests.Select(t => TestViews.ToView(t, serviceUrl))]));
    }

    /// <summary>One test of the account.</summary>
    public static async Task<Results<Ok<TestView>, ProblemHttpResult>> GetTestAsync(string id, HttpRequest request, [AsParameters] ServiceParts parts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Accounts.Authenticate(request) is not { } account)
        {
            return Unauthorized(request.HttpContext);
        }

        var test = await FindAsync(parts.Store, id, account, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return test is null ? NotFound(id) : TypedResults.Ok(TestViews.ToView(test, ServiceUrl(request)));
    }

    /// <summary>
    /// Cancels a test: a queued test ends Cancelled at once; a running one is told to stop and ends
    /// Cancelled within about a second. Cancelling a cancelled test is a no-op; an ended test is 409.
    /// </summary>
    public static async Task<Results<Ok<TestView>, ProblemHttpResult>> CancelTestAsync(string id, HttpRequest request, [AsParameters] ServiceParts parts)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Accounts.Authenticate(request) is not { } account)
        {
            return Unauthorized(request.HttpContext);
        }

        var aborted = request.HttpContext.RequestAborted;
        var test = await FindAsync(parts.Store, id, account, aborted).ConfigureAwait(false);
        if (test is null)
        {
            return NotFound(id);
        }

        if (test.Status is TestStatus.Passed or TestStatus.Failed or TestStatus.Error)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The test has already ended.",
                detail: $"Test {test.Id} ended {test.Status}; only queued or running tests can be cancelled.");
        }

        if (test.Status == TestStatus.Queued || (test.Status == TestStatus.Running && !parts.Running.TryCancel(test.Id)))
        {
            // Queued, or claimed by the runner but not started yet: end it here; the runner's later writes are ignored.
            var reason = test.Status == TestStatus.Queued ? "Cancelled by the account before it started." : "Cancelled by the account.";
            test = await parts.Store.CompleteAsync(test.Id, new TestCompletion(TestStatus.Cancelled, parts.Time.GetUtcNow(), test.Figures, [], reason), aborted).ConfigureAwait(false) ?? test;
            parts.Feed.Publish();
        }

        return TypedResults.Ok(TestViews.ToView(test, ServiceUrl(request)));
    }

    /// <summary>The service's base URL as the caller reached it.</summary>
    /// <param name="request">The request.</param>
    /// <returns>For example <c>http://127.0.0.1:5080/</c>.</returns>
    public static Uri ServiceUrl(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host}{request.PathBase}/");
    }

    private static async Task<TestRecord?> FindAsync(ITestStore store, string id, LoadTestAccount account, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var testId))
        {
            return null;
        }

        var test = await store.GetAsync(testId, cancellationToken).ConfigureAwait(false);
        return test is not null && string.Equals(test.AccountId, account.Id, StringComparison.Ordinal) ? test : null;
    }

    private static ProblemHttpResult NotFound(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such test.",
        detail: $"The account has no test '{id}'.");

    private static ProblemHttpResult Unauthorized(HttpContext context)
    {
        context.Response.Headers.WWWAuthenticate = "Bearer";
        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "The API key is missing or was rejected.",
            detail: "Send the account's API key as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
    }
}
