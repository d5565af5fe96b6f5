using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Pages;

public sealed class DetailsPageTests : IAsyncLifetime
{
    private const string HostileName = "<script>alert(1)</script>";
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

    [Fact]
    public async Task DetailsPage_EndedTest_RendersEscapedNameStatusThresholdsAndChart()
    {
        var test = await _service.CreateAsync(new CreateTestRequest
        {
            Name = HostileName,
            TargetUrl = _target.At("/ok?a=1&b=<2>"),
            Rate = 10,
            Duration = "2s",
            Thresholds = "p95<10s; errors<1%",
        });
        await _service.WaitForEndAsync(test.Id);

        using var response = await _service.Http.GetAsync($"/tests/{test.Id}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.DoesNotContain(HostileName, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("b=%3C2%3E", html, StringComparison.Ordinal);
        Assert.Contains(">Passed</span>", html, StringComparison.Ordinal);
        Assert.Contains("p95&lt;10s", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"pass\">pass</td>", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.Contains("<polyline id=\"rps\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DetailsPage_RunningTest_HasLiveScriptAllowedByHash()
    {
        var test = await _service.CreateAsync(new CreateTestRequest { Name = HostileName, TargetUrl = _target.At("/ok"), Rate = 5, Duration = "60s" });
        await _service.WaitForAsync(test.Id, t => t.Status == TestStatus.Running);

        using var response = await _service.Http.GetAsync($"/tests/{test.Id}");
        var html = await response.Content.ReadAsStringAsync();
        await _service.Client.CancelTestAsync(_service.Url, TestService.Alpha.ApiKey, test.Id, CancellationToken.None);

        Assert.Contains(">Running</span>", html, StringComparison.Ordinal);
        Assert.Contains("<script>(function () {", html, StringComparison.Ordinal);
        Assert.Contains("fetch(base + '/live'", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"http", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'sha256-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveAndChart_EndedTest_ReturnSeriesAndSvg()
    {
        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 10, Duration = "2s" });
        await _service.WaitForEndAsync(test.Id);

        var live = await _service.Http.GetFromJsonAsync<TestDetailsView>($"/tests/{test.Id}/live", JsonSerializerOptions.Web);
        using var chart = await _service.Http.GetAsync($"/tests/{test.Id}/chart.svg");

        Assert.Equal(TestStatus.Passed, live!.Test.Status);
        Assert.NotEmpty(live.Seconds);
        Assert.Equal(live.Test.Figures.Requests, live.Seconds.Sum(s => s.Requests));
        Assert.Equal("image/svg+xml", chart.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("<svg", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("5d2c8f0e-8a61-4a53-9a0e-1f7f1d7c2b11")]
    public async Task DetailsPage_UnknownTest_Returns404Page(string id)
    {
        using var response = await _service.Http.GetAsync($"/tests/{id}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("No such test", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
