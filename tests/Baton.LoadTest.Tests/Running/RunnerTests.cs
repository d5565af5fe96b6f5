using System.Net;
using Baton.LoadTest.Contracts;
using Baton.LoadTest.Tests.Infrastructure;

namespace Baton.LoadTest.Tests.Running;

public sealed class RunnerTests : IAsyncLifetime
{
    private TestService _service = null!;
    private TargetApp _target = null!;

    public async Task InitializeAsync()
    {
        _target = await TargetApp.StartAsync();
        _service = await TestService.StartAsync(o => o with { MaxConcurrentTests = 1 });
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        await _target.DisposeAsync();
    }

    [Fact]
    public async Task ShortTest_WithinThresholds_EndsPassedWithFigures()
    {
        var test = await _service.CreateAsync(new CreateTestRequest
        {
            TargetUrl = _target.At("/ok"),
            Rate = 20,
            Duration = "2s",
            Thresholds = "errors<1%; p95<10s",
        });

        var done = await _service.WaitForEndAsync(test.Id);

        Assert.Equal(TestStatus.Passed, done.Status);
        Assert.Equal(100, done.PercentComplete);
        Assert.True(done.Figures.Requests > 0);
        Assert.Equal(0, done.Figures.Errors);
        Assert.NotNull(done.Figures.P95Ms);
        Assert.Matches(@"^[\d.,]+ req/s · p95 [\d.,]+ ms · 0% errors$", done.Summary);
        Assert.All(done.Thresholds, t => Assert.True(t.Passed));
        Assert.NotNull(done.EndedAt);
        var seconds = await _service.Store.GetSecondsAsync(Guid.Parse(test.Id), CancellationToken.None);
        Assert.NotEmpty(seconds);
    }

    [Fact]
    public async Task Test_ImpossibleThresholds_EndsFailedWithMeasuredValues()
    {
        var test = await _service.CreateAsync(new CreateTestRequest
        {
            TargetUrl = _target.At("/fail"),
            Rate = 10,
            Duration = "2s",
            Thresholds = "errors<1%; p99<1us",
        });

        var done = await _service.WaitForEndAsync(test.Id);

        Assert.Equal(TestStatus.Failed, done.Status);
        var errors = Assert.Single(done.Thresholds, t => t.Expression == "errors<1%");
        Assert.False(errors.Passed);
        Assert.Equal("100%", errors.Measured);
    }

    [Fact]
    public async Task Test_UsersModel_RunsToTheEnd()
    {
        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Users = 2, Duration = "1s" });

        var done = await _service.WaitForEndAsync(test.Id);

        Assert.Equal(TestStatus.Passed, done.Status);
        Assert.Equal(2, done.Users);
        Assert.True(done.Figures.Requests > 0);
    }

    [Fact]
    public async Task Cancel_RunningAndQueuedTests_EndCancelled()
    {
        var running = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "60s" });
        var queued = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "60s" });
        await _service.WaitForAsync(running.Id, t => t.Status == TestStatus.Running);

        var queuedAfterCancel = await _service.Client.CancelTestAsync(_service.Url, TestService.Alpha.ApiKey, queued.Id, CancellationToken.None);
        await _service.Client.CancelTestAsync(_service.Url, TestService.Alpha.ApiKey, running.Id, CancellationToken.None);
        var runningAfterCancel = await _service.WaitForEndAsync(running.Id);

        Assert.Equal(TestStatus.Cancelled, queuedAfterCancel.Status);
        Assert.Contains("before it started", queuedAfterCancel.Reason);
        Assert.Equal(TestStatus.Cancelled, runningAfterCancel.Status);
        Assert.Contains("Cancelled by the account", runningAfterCancel.Reason);
    }

    [Fact]
    public async Task Cancel_EndedTest_Returns409()
    {
        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/ok"), Rate = 5, Duration = "1s" });
        await _service.WaitForEndAsync(test.Id);

        using var response = await _service.Http.SendAsync(TestService.Request(HttpMethod.Post, $"/api/v1/tests/{test.Id}/cancel", TestService.Alpha));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("only queued or running tests can be cancelled", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Test_TargetRedirects_RedirectIsNotFollowed()
    {
        await using var elsewhere = await TargetApp.StartAsync();
        _target.RedirectTo = new Uri(elsewhere.At("/ok"));
        var test = await _service.CreateAsync(new CreateTestRequest { TargetUrl = _target.At("/redirect"), Rate = 10, Duration = "1s" });

        var done = await _service.WaitForEndAsync(test.Id);

        Assert.Equal(TestStatus.Passed, done.Status);
        Assert.True(_target.Hits > 0);
        Assert.Equal(0, elsewhere.Hits);
    }
}
