using System.Net;
using System.Net.Http.Headers;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Security;

/// <summary>
/// Every vendor API endpoint requires a valid key and sees only its account's tests: a table of
/// endpoints × credentials (none, malformed, wrong, another account's, the right one). A test of
/// another account answers 404, the same as a test that does not exist, so ids cannot be probed.
/// (TestsApiTests covers the list and idempotency-key scoping.)
/// </summary>
public sealed class VendorApiAccessTests : IAsyncLifetime
{
    private TestService _service = null!;
    private TargetApp _target = null!;
    private TestView _alphas = null!;

    public static TheoryData<string, string, HttpStatusCode> Table
    {
        get
        {
            var data = new TheoryData<string, string, HttpStatusCode>();
            foreach (var endpoint in new[] { "GET /api/v1/tests", "GET /api/v1/tests/{id}", "POST /api/v1/tests/{id}/cancel", "POST /api/v1/tests" })
            {
                data.Add(endpoint, "none", HttpStatusCode.Unauthorized);
                data.Add(endpoint, "empty-bearer", HttpStatusCode.Unauthorized);
                data.Add(endpoint, "basic-scheme", HttpStatusCode.Unauthorized);
                data.Add(endpoint, "key-in-other-case", HttpStatusCode.Unauthorized);
                data.Add(endpoint, "key-with-suffix", HttpStatusCode.Unauthorized);
            }

            data.Add("GET /api/v1/tests/{id}", "other-account", HttpStatusCode.NotFound);
            data.Add("POST /api/v1/tests/{id}/cancel", "other-account", HttpStatusCode.NotFound);
            data.Add("GET /api/v1/tests/{id}", "owner", HttpStatusCode.OK);
            return data;
        }
    }

    public async Task InitializeAsync()
    {
        _target = await TargetApp.StartAsync();
        _service = await TestService.StartAsync();
        _alphas = await _service.CreateAsync(new CreateTestRequest { Name = "alpha's", TargetUrl = _target.At("/ok"), Rate = 1, Duration = "30s" }, TestService.Alpha);
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(Table))]
    public async Task Endpoint_Credential_AnswersOnlyTheOwner(string endpoint, string credential, HttpStatusCode expected)
    {
        var parts = endpoint.Split(' ');
        using var request = new HttpRequestMessage(new HttpMethod(parts[0]), parts[1].Replace("{id}", _alphas.Id, StringComparison.Ordinal));
        if (parts[0] == "POST" && !parts[1].EndsWith("cancel", StringComparison.Ordinal))
        {
            request.Content = new StringContent("{\"targetUrl\":\"" + _target.At("/ok") + "\",\"rate\":1,\"duration\":\"1s\"}", System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.Authorization = credential switch
        {
            "none" => null,
            "empty-bearer" => new AuthenticationHeaderValue("Bearer", " "),
            "basic-scheme" => new AuthenticationHeaderValue("Basic", TestService.Alpha.ApiKey),
            "key-in-other-case" => new AuthenticationHeaderValue("Bearer", TestService.Alpha.ApiKey.ToUpperInvariant()),
            "key-with-suffix" => new AuthenticationHeaderValue("Bearer", TestService.Alpha.ApiKey + "x"),
            "other-account" => new AuthenticationHeaderValue("Bearer", TestService.Beta.ApiKey),
            _ => new AuthenticationHeaderValue("Bearer", TestService.Alpha.ApiKey),
        };

        using var response = await _service.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.DoesNotContain("alpha's", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var view = await _service.Client.GetTestAsync(_service.Url, TestService.Alpha.ApiKey, _alphas.Id, CancellationToken.None);
        Assert.NotEqual(TestStatus.Cancelled, view.Status);
    }
}
