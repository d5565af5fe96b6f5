using Baton.Agent.Options;
using Baton.Agent.Tests.Fakes;

namespace Baton.Agent.Tests.Options;

public sealed class AgentOptionsValidatorTests
{
    private readonly AgentOptionsValidator _validator = new();

    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(_validator.Validate(null, new AgentOptions()).Succeeded);
    }

    [Fact]
    public void Validate_KeyProblems_NameEachOffendingValue()
    {
        var options = new AgentOptions
        {
            Continuation = new ContinuationOptions
            {
                Keys =
                [
                    new ContinuationKeyOptions { Id = 1, Key = TestKeys.Base64(1) },
                    new ContinuationKeyOptions { Id = 1, Key = TestKeys.Base64(2) },
                    new ContinuationKeyOptions { Id = 2, Key = "not base64!" },
                    new ContinuationKeyOptions { Id = 3, Key = Convert.ToBase64String(new byte[16]) },
                    new ContinuationKeyOptions { Id = 300, Key = TestKeys.Base64(1) },
                ],
                CurrentKeyId = 9,
            },
        };

        var result = _validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "Baton:Agent:Continuation:Keys: key id 1 appears twice; key ids must be unique.",
                "Baton:Agent:Continuation:Keys: Continuation key 2 is not valid base64; generate one with `openssl rand -base64 32`.",
                "Baton:Agent:Continuation:Keys: Continuation key 3 decodes to 16 bytes; it must be 32 bytes (generate one with `openssl rand -base64 32`).",
                "Baton:Agent:Continuation:Keys: key id 300 is out of range; use 1–255.",
                "Baton:Agent:Continuation:CurrentKeyId is 9, which is not among the configured key ids (1, 2, 3).",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_CurrentKeyWithoutKeys_Fails()
    {
        var result = _validator.Validate(null, new AgentOptions { Continuation = new ContinuationOptions { CurrentKeyId = 1 } });

        Assert.Equal(["Baton:Agent:Continuation:CurrentKeyId is 1, but no keys are configured."], result.Failures);
    }

    [Fact]
    public void Validate_PollingTimesOutOfRangeOrOrder_NameEachValue()
    {
        var options = new AgentOptions
        {
            DrainTimeout = TimeSpan.FromHours(2),
            Polling = new PollingOptions
            {
                IdlePollStart = TimeSpan.FromSeconds(40),
                IdlePollInterval = TimeSpan.FromSeconds(30),
                ErrorBackoffStart = TimeSpan.Zero,
                ErrorBackoffMax = TimeSpan.FromMinutes(1),
                UnhealthyAfterFailedPolls = 0,
            },
        };

        var result = _validator.Validate(null, options);

        Assert.Equal(
            [
                "Baton:Agent:DrainTimeout is 02:00:00; use 00:00:00 – 01:00:00.",
                "Baton:Agent:Polling:ErrorBackoffStart is 00:00:00; use 00:00:00.0100000 – 00:30:00.",
                "Baton:Agent:Polling:IdlePollStart is 00:00:40, more than IdlePollInterval (00:00:30); the first idle wait must not exceed the longest.",
                "Baton:Agent:Polling:UnhealthyAfterFailedPolls is 0; use 1–1000.",
            ],
            result.Failures);
    }

    [Fact]
    public void Validate_ErrorBackoffStartAboveMax_Fails()
    {
        var options = new AgentOptions { Polling = new PollingOptions { ErrorBackoffStart = TimeSpan.FromMinutes(2), ErrorBackoffMax = TimeSpan.FromMinutes(1) } };

        Assert.Equal(
            ["Baton:Agent:Polling:ErrorBackoffStart is 00:02:00, more than ErrorBackoffMax (00:01:00); the first error wait must not exceed the longest."],
            _validator.Validate(null, options).Failures);
    }

    [Fact]
    public void Validate_EmptyOrOverlongClientToken_FailsWithoutEchoingTheToken()
    {
        var secret = new string('t', 300);
        var options = new AgentOptions { ClientTokens = new() { ["c1"] = "", ["c2"] = secret } };

        var failures = _validator.Validate(null, options).Failures!.ToList();

        Assert.Equal(2, failures.Count);
        Assert.Contains("Baton:Agent:ClientTokens:c1 is empty", failures[0], StringComparison.Ordinal);
        Assert.Contains("is 300 characters; a client token is at most 256", failures[1], StringComparison.Ordinal);
        Assert.DoesNotContain(secret, failures[1], StringComparison.Ordinal);
    }
}
