using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Security;

/// <summary>
/// The allow-list holds against disguised targets and against redirects: a target outside it is
/// refused when the test is created (before any connection), and a loopback target that answers
/// 302 to another host never makes the engine follow it. No traffic leaves loopback.
/// </summary>
public sealed class TargetAllowListSecurityTests : IAsyncLifetime
{
    private TestService _service = null!;
    private TargetApp _target = null!;
    private TargetApp _elsewhere = null!;

    public static TheoryData<string> DisguisedTargets =>
    [
        "http://127.0.0.1@10.0.0.1/",
        "http://10.0.0.1#@127.0.0.1/",
        "http://localhost.10.0.0.1.nip.io/",
        "http://169.254.169.254/latest/meta-data/",
        "http://0.0.0.0/",
        "http://[::]/",
        "http://[::ffff:169.254.169.254]/",
        "http://[fe80::1]/",
        "http://metadata.google.internal/",
        "http://127.0.0.1.example.com/",
    ];

    public async Task InitializeAsync()
    {
        _target = await TargetApp.StartAsync();
        _elsewhere = await TargetApp.StartAsync();
        _service = await TestService.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _elsewhere.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(DisguisedTargets))]
    public async Task CreateTest_DisguisedNonLoopbackTarget_IsRefusedBeforeAnyConnection(string url)
    {
        using var single = await PostAsync(new CreateTestRequest { TargetUrl = url, Rate = 1, Duration = "1s" });
        using var inList = await PostAsync(new CreateTestRequest { Targets = [_target.At("/ok"), url], Rate = 1, Duration = "1s" });

        await AssertRefusedAsync(single, "targetUrl", url);
        await AssertRefusedAsync(inList, "targets[1]", url);
        Assert.Empty(await _service.Client.ListTestsAsync(_service.Url, TestService.Alpha.ApiKey, CancellationToken.None));
    }

    [Fact]
    public async Task Run_TargetRedirectsElsewhere_RedirectIsNeverFollowed()
    {
        _target.RedirectTo = new Uri(_elsewhere.At("/ok"));

        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/redirect"), Rate = 20, Duration = "1s" });
        await _service.WaitForEndAsync(test.Id);

        Assert.True(_target.Hits > 0, "the allowed target was loaded");
        Assert.Equal(0, _elsewhere.Hits);
    }

    [Fact]
    public async Task Run_TargetRedirectsToNonLoopbackHost_EndsWithoutFollowing()
    {
        // TEST-NET-1: never routed. The engine does not follow redirects, so it never tries to connect.
        _target.RedirectTo = new Uri("http://192.0.2.1:9/steal");

        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/redirect"), Rate = 20, Duration = "1s" });
        var ended = await _service.WaitForEndAsync(test.Id);

        Assert.True(_target.Hits > 0);
        Assert.NotEqual(TestStatus.Running, ended.Status);
    }

    private async Task<HttpResponseMessage> PostAsync(CreateTestRequest body) =>
        await _service.Http.SendAsync(TestService.Request(HttpMethod.Post, "/api/v1/tests", TestService.Alpha, JsonContent.Create(body, options: JsonSerializerOptions.Web)));

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string field, string url)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"{url}: no error for '{field}' in {errors}");
        Assert.Contains("is not an allowed target", messages[0].GetString(), StringComparison.Ordinal);
    }
}
