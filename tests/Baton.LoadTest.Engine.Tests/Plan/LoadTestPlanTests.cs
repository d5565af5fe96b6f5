using System.Net;
using Baton.LoadTest.Engine.Plan;
using Baton.LoadTest.Engine.Running;

namespace Baton.LoadTest.Engine.Tests.Plan;

public sealed class LoadTestPlanTests
{
    private static readonly Uri _local = new("http://127.0.0.1:8080/");

    [Fact]
    public void Validate_GoodPlan_ReturnsParsedThresholds()
    {
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(_local),
            Model = OpenLoadModel.Constant(10, TimeSpan.FromSeconds(1)),
            Thresholds = "p95<300ms; errors<1%",
        };

        Assert.Equal(2, plan.Validate().Count);
    }

    [Fact]
    public void Validate_ManyBadValues_ListsEveryProblem()
    {
        var plan = new LoadTestPlan
        {
            Request = new LoadTestRequest
            {
                Method = "GE T",
                Targets = [new RequestTarget(new Uri("ftp://127.0.0.1/")), new RequestTarget(_local, 0)],
                Headers = [new("Content-Length", "5"), new("X-Bad", "a\r\nb")],
            },
            Model = OpenLoadModel.Constant(-5, TimeSpan.Zero) with { MaxInFlight = 0 },
            RequestTimeout = TimeSpan.Zero,
            Connections = 0,
            Thresholds = "p95<300",
        };

        var error = Assert.Throws<LoadTestPlanException>(() => plan.Validate());

        Assert.Equal(
            [
                "Request.Method must be an HTTP method token such as GET or POST, was 'GE T'.",
                "Request.Targets[0].Url must be an absolute http or https URL, was 'ftp://127.0.0.1/'.",
                "Request.Targets[1].Weight must be between 1 and 1000, was 0.",
                "Request header 'Content-Length' is set by the engine from the body; remove it.",
                "Request header 'X-Bad' has a value with a line break or no value.",
                "OpenLoadModel.StartRate must be between 0 and 1000000 requests/s, was -5.",
                "OpenLoadModel.Stages[0].Duration must be positive, was 00:00:00.",
                "OpenLoadModel.Stages[0].TargetRate must be between 0 and 1000000 requests/s, was -5.",
                "OpenLoadModel.MaxInFlight must be between 1 and 1000000, was 0.",
                "RequestTimeout must be more than 0 and at most 1 hour, was 00:00:00.",
                "Connections must be between 1 and 100000, was 0.",
                "Thresholds: column 8: expected a time unit (us, ms, s), found end of input",
            ],
            error.Problems);
        Assert.StartsWith("The load test plan is invalid: Request.Method must be", error.Message);
    }

    [Fact]
    public void Validate_BadClosedModel_SaysWhatToFix()
    {
        var plan = new LoadTestPlan
        {
            Request = LoadTestRequest.For(_local),
            Model = new ClosedLoadModel(0, TimeSpan.FromSeconds(1)) { RampUp = TimeSpan.FromSeconds(2), ThinkTime = TimeSpan.FromSeconds(-1) },
        };

        var error = Assert.Throws<LoadTestPlanException>(() => plan.Validate());

        Assert.Equal(
            [
                "ClosedLoadModel.VirtualUsers must be between 1 and 100000, was 0.",
                "ClosedLoadModel.RampUp must be between 0 and RunFor (00:00:01), was 00:00:02.",
                "ClosedLoadModel.ThinkTime must not be negative, was -00:00:01.",
            ],
            error.Problems);
    }

    [Fact]
    public void Validate_OpenModelWithoutAnySend_IsRejected()
    {
        var plan = new LoadTestPlan { Request = LoadTestRequest.For(_local), Model = OpenLoadModel.Constant(0.5, TimeSpan.FromSeconds(1)) };

        var error = Assert.Throws<LoadTestPlanException>(() => plan.Validate());

        Assert.Equal(["OpenLoadModel plans no sends: its rates and durations add up to less than one request; raise StartRate or a stage's TargetRate."], error.Problems);
    }

    [Fact]
    public void Validate_TransportThatCannotSpeakTheRequest_IsRejected()
    {
        var plan = new LoadTestPlan
        {
            Request = new LoadTestRequest { Targets = [new RequestTarget(new Uri("https://127.0.0.1/"))], HttpVersion = HttpVersion.Version20 },
            Model = OpenLoadModel.Constant(10, TimeSpan.FromSeconds(1)),
            Transport = TransportKind.Socket,
        };

        var error = Assert.Throws<LoadTestPlanException>(() => plan.Validate());

        Assert.Equal(
            [
                "Request.Targets[0].Url is https, which the Socket transport does not speak; use HttpClient (or Auto).",
                "Transport Socket speaks HTTP/1.1 only; use HttpClient (or Auto) for HTTP/2.",
            ],
            error.Problems);
    }

    [Fact]
    public async Task RunAsync_InvalidPlan_ThrowsBeforeSendingAnything()
    {
        var plan = new LoadTestPlan { Request = LoadTestRequest.For(_local), Model = new ClosedLoadModel(1, TimeSpan.Zero) };

        var error = await Assert.ThrowsAsync<LoadTestPlanException>(() => new LoadTestRunner().RunAsync(plan));

        Assert.Equal(["ClosedLoadModel.RunFor must be more than 0 and at most 24 hours, was 00:00:00."], error.Problems);
    }
}
