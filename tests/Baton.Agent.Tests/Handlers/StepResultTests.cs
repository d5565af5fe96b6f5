using Baton.Agent.Handlers;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Handlers;

public sealed class StepResultTests
{
    [Fact]
    public void Fail_UnknownFailureType_ThrowsListingTheValidOnes()
    {
        var ex = Assert.Throws<ArgumentException>(() => StepResult.Fail("PermissionsError", "no access"));

        Assert.Contains("'PermissionsError' is not a CodePipeline failure type; use one of JobFailed, ConfigurationError, PermissionError", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_EveryModelFailureType_IsAccepted()
    {
        foreach (var type in FailureType.Values)
        {
            Assert.Equal(type, Assert.IsType<StepResult.Failed>(StepResult.Fail(type, "m")).FailureType);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    public void Continue_PercentOutOfRange_Throws(int percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StepResult.Continue("s", percent));
    }

    [Fact]
    public void Continue_CheckAfterBeyondADay_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StepResult.Continue("s", checkAfter: TimeSpan.FromHours(25)));
        Assert.Throws<ArgumentOutOfRangeException>(() => StepResult.Continue("s", checkAfter: TimeSpan.FromSeconds(-1)));
    }

    [Fact]
    public void Continue_ExternalExecutionIdTooLong_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => StepResult.Continue("s", externalExecutionId: new string('x', 1501)));

        Assert.Contains("1–1500 characters, got 1501", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Succeed_InvalidOutputVariableName_ThrowsNamingIt()
    {
        var ex = Assert.Throws<ArgumentException>(() => StepResult.Succeed(outputVariables: new Dictionary<string, string> { ["p95 latency"] = "1" }));

        Assert.Contains("'p95 latency' is invalid", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Continue_ValidArguments_CarriesThem()
    {
        var result = Assert.IsType<StepResult.Continuing>(StepResult.Continue("s", 40, "running", TimeSpan.FromSeconds(15), "153245"));

        Assert.Equal(("s", 40, "running", TimeSpan.FromSeconds(15), "153245"), (result.State, result.PercentComplete, result.Summary, result.CheckAfter!.Value, result.ExternalExecutionId));
    }
}
