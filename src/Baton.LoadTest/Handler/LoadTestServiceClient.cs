using System.Net;
using System.Text.Json;
using Baton.LoadTest.Contracts;

namespace Baton.LoadTest.Handler;

/// <summary>
/// A typed client of the load-test service's REST API. Each call names the service and the API key,
/// since both come from the action's configuration. Failures are <see cref="LoadTestServiceException"/>s
/// whose <see cref="LoadTestServiceException.Kind"/> says whether retrying can help.
/// </summary>
/// <param name="http">The HTTP client (its own timeout bounds each call).</param>
public sealed class LoadTestServiceClient(HttpClient http)
{
    /// <summary>Creates a test, or finds the account's test with the same idempotency key.</summary>
    /// <param name="service">The service's base URL.</param>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="request">The test.</param>
    /// <param name="idempotencyKey">Makes retries safe: the same key returns the same test.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test and whether this call created it.</returns>
    public async Task<(TestView Test, bool Created)> CreateTestAsync(Uri service, string apiKey, CreateTestRequest request, string? idempotencyKey, CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Post, service, "api/v1/tests", apiKey);
        message.Content = JsonContent.Create(request, options: JsonSerializerOptions.Web);
        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        var (test, status) = await SendAsync<TestView>(message, cancellationToken).ConfigureAwait(false);
        return (test, status == HttpStatusCode.Created);
    }

    /// <summary>Reads a test.</summary>
    /// <param name="service">The service's base URL.</param>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="testId">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test.</returns>
    public async Task<TestView> GetTestAsync(Uri service, string apiKey, string testId, CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Get, service, $"api/v1/tests/{Uri.EscapeDataString(testId)}", apiKey);
        return (await SendAsync<TestView>(message, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Cancels a test.</summary>
    /// <param name="service">The service's base URL.</param>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="testId">The test id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The test afterwards.</returns>
    public async Task<TestView> CancelTestAsync(Uri service, string apiKey, string testId, CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Post, service, $"api/v1/tests/{Uri.EscapeDataString(testId)}/cancel", apiKey);
        return (await SendAsync<TestView>(message, cancellationToken).ConfigureAwait(false)).Value;
    }

    /// <summary>Lists the account's tests, newest first.</summary>
    /// <param name="service">The service's base URL.</param>
    /// <param name="apiKey">The account's API key.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The tests.</returns>
    public async Task<IReadOnlyList<TestView>> ListTestsAsync(Uri service, string apiKey, CancellationToken cancellationToken)
    {
        using var message = Message(HttpMethod.Get, service, "api/v1/tests", apiKey);
        return (await SendAsync<TestListView>(message, cancellationToken).ConfigureAwait(false)).Value.Tests;
    }

    private static HttpRequestMessage Message(HttpMethod method, Uri service, string path, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(service);
        var baseUrl = service.AbsoluteUri.EndsWith('/') ? service : new Uri(service.AbsoluteUri + "/");
        var message = new HttpRequestMessage(method, new Uri(baseUrl, path));
        message.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        return message;
    }

    private async Task<(T Value, HttpStatusCode Status)> SendAsync<T>(HttpRequestMessage message, CancellationToken cancellationToken)
    {
        var target = message.RequestUri!.GetLeftPart(UriPartial.Authority);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new LoadTestServiceException(LoadTestServiceErrorKind.Unavailable, $"{target} did not answer: {ex.Message}", innerException: ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new LoadTestServiceException(LoadTestServiceErrorKind.Unavailable, $"{target} did not answer within {http.Timeout.TotalSeconds:0} s.", innerException: ex);
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                var value = await response.Content.ReadFromJsonAsync<T>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false)
                    ?? throw new LoadTestServiceException(LoadTestServiceErrorKind.Unexpected, $"{target} answered {(int)response.StatusCode} with an empty body.");
                return (value, response.StatusCode);
            }

            var problem = await ReadProblemAsync(response, cancellationToken).ConfigureAwait(false);
            var detail = problem?.Detail ?? problem?.Title ?? response.ReasonPhrase;
            var status = (int)response.StatusCode;
            throw status switch
            {
                401 or 403 => new LoadTestServiceException(LoadTestServiceErrorKind.Unauthorized, $"{target} rejected the API key ({status}): {detail}"),
                404 => new LoadTestServiceException(LoadTestServiceErrorKind.NotFound, $"{target}: {detail}"),
                400 or 422 => new LoadTestServiceException(LoadTestServiceErrorKind.Invalid, $"{target} rejected the test: {Describe(problem)}", problem?.Errors.AsReadOnly()),
                408 or 429 or >= 500 => new LoadTestServiceException(LoadTestServiceErrorKind.Unavailable, $"{target} answered {status} {response.ReasonPhrase}."),
                _ => new LoadTestServiceException(LoadTestServiceErrorKind.Unexpected, $"{target} answered {status}: {detail}"),
            };
        }
    }

    private static async Task<HttpValidationProblemDetails?> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(JsonSerializerOptions.Web, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string Describe(HttpValidationProblemDetails? problem) =>
        problem is null || problem.Errors.Count == 0
            ? problem?.Detail ?? problem?.Title ?? "no details"
            : string.Join(" ", problem.Errors.SelectMany(e => e.Value));
}
