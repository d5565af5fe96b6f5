using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.LoadTest.Accounts;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Api;

public sealed class TestsApiTests : IAsyncLifetime
{
    private TestService _service = null!;
    private TargetApp _target = null!;

    public async Task InitializeAsync()
    {
        _target = await TargetApp.StartAsync();
        _service = await TestService.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _target.DisposeAsync();
    }

    private CreateTestRequest Short(string? name = null) =>
        new() { Name = name, TargetUrl = _target.At("/ok"), Rate = 5, Duration = "1s" };

    [Fact]
    public async Task CreateTest_SameIdempotencyKey_ReturnsSameTestWith200()
    {
        using var first = await _service.Http.SendAsync(Post(Short(), TestService.Alpha, "key-1"));
        using var second = await _service.Http.SendAsync(Post(Short(), TestService.Alpha, "key-1"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<TestView>(JsonSerializerOptions.Web);
        var b = await second.Content.ReadFromJsonAsync<TestView>(JsonSerializerOptions.Web);
        Assert.Equal(a!.Id, b!.Id);
        Assert.Equal($"/api/v1/tests/{a.Id}", first.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CreateTest_SameKeyFromAnotherAccount_CreatesAnotherTest()
    {
        var alpha = await _service.CreateAsync(Short(), TestService.Alpha, "shared-key");
        var beta = await _service.CreateAsync(Short(), TestService.Beta, "shared-key");

        Assert.NotEqual(alpha.Id, beta.Id);
    }

    [Fact]
    public async Task CreateTest_NoIdempotencyKey_CreatesEachTime()
    {
        var a = await _service.CreateAsync(Short());
        var b = await _service.CreateAsync(Short());

        Assert.NotEqual(a.Id, b.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Api_MissingOrWrongKey_Returns401WithProblem(string? key)
    {
        using var request = TestService.Request(HttpMethod.Get, "/api/v1/tests");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("Authorization: Bearer", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Api_XApiKeyHeader_IsAccepted()
    {
        using var request = TestService.Request(HttpMethod.Get, "/api/v1/tests");
        request.Headers.Add("X-Api-Key", TestService.Beta.ApiKey);

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GetTest_AnotherAccountsTest_Returns404()
    {
        var test = await _service.CreateAsync(Short(), TestService.Alpha);

        using var response = await _service.Http.SendAsync(TestService.Request(HttpMethod.Get, $"/api/v1/tests/{test.Id}", TestService.Beta));
        using var cancel = await _service.Http.SendAsync(TestService.Request(HttpMethod.Post, $"/api/v1/tests/{test.Id}/cancel", TestService.Beta));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
    }

    [Fact]
    public async Task ListTests_ShowsOnlyTheAccountsTests()
    {
        var alpha = await _service.CreateAsync(Short("alpha's"), TestService.Alpha);
        var beta = await _service.CreateAsync(Short("beta's"), TestService.Beta);

        var list = await _service.Client.ListTestsAsync(_service.Url, TestService.Beta.ApiKey, CancellationToken.None);

        Assert.Contains(list, t => t.Id == beta.Id);
        Assert.DoesNotContain(list, t => t.Id == alpha.Id);
    }

    [Theory]
    [InlineData("""{"targetUrl":"not a url","rate":5,"duration":"1s"}""", "targetUrl", "must be an absolute http or https URL")]
    [InlineData("""{"targetUrl":"http://10.0.0.1/","rate":5,"duration":"1s"}""", "targetUrl", "is not an allowed target")]
    [InlineData("""{"targetUrl":"http://example.com/","rate":5,"duration":"1s"}""", "targetUrl", "is not an allowed target")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":5,"duration":"-5s"}""", "duration", "must be positive")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":5}""", "duration", "duration is required")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":5,"duration":"1s","thresholds":"p95<300ms; errors 1%"}""", "thresholds", "column 19: expected a comparison operator")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","duration":"1s"}""", "rate", "Give rate")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":5,"users":2,"duration":"1s"}""", "users", "not both")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":5,"duration":"2s","rampUp":"5s"}""", "rampUp", "must not be longer than duration")]
    [InlineData("""{"targetUrl":"http://127.0.0.1:9/","rate":"fast","duration":"1s"}""", "rate", "not a valid test")]
    public async Task CreateTest_InvalidField_ReturnsProblemDetailsNamingTheField(string json, string field, string message)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await _service.Http.SendAsync(TestService.Request(HttpMethod.Post, "/api/v1/tests", TestService.Alpha, content));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"no error for '{field}' in {errors}");
        Assert.Contains(message, messages[0].GetString(), StringComparison.Ordinal);
    }

    private static HttpRequestMessage Post(CreateTestRequest body, LoadTestAccount account, string key)
    {
        var request = TestService.Request(HttpMethod.Post, "/api/v1/tests", account, JsonContent.Create(body, options: JsonSerializerOptions.Web));
        request.Headers.Add("Idempotency-Key", key);
        return request;
    }
}
