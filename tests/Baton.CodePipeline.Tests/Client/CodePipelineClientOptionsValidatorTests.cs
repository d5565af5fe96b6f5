using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Options;

namespace Baton.CodePipeline.Tests.Client;

public class CodePipelineClientOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        var options = new CodePipelineClientOptions();

        Assert.True(new CodePipelineClientOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), options.BaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(20), options.MaxDelay);
    }

    [Theory]
    [InlineData(0, "CodePipelineClientOptions.MaxAttempts is 0; use a value from 1 (no retries) to 20.")]
    [InlineData(21, "CodePipelineClientOptions.MaxAttempts is 21; use a value from 1 (no retries) to 20.")]
    public void Validate_MaxAttemptsOutOfRange_NamesTheValue(int maxAttempts, string expected)
    {
        var result = Validate(o => o.MaxAttempts = maxAttempts);

        Assert.Equal(expected, Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_NegativeBaseDelay_NamesTheValue()
    {
        var result = Validate(o => o.BaseDelay = TimeSpan.FromSeconds(-1));

        Assert.Contains("CodePipelineClientOptions.BaseDelay is -00:00:01", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_MaxDelayBelowBaseDelay_NamesBoth()
    {
        var result = Validate(o =>
        {
            o.BaseDelay = TimeSpan.FromSeconds(5);
            o.MaxDelay = TimeSpan.FromSeconds(2);
        });

        Assert.Equal(
            "CodePipelineClientOptions.MaxDelay is 00:00:02; use a value from BaseDelay (00:00:05) to 00:05:00.",
            Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BothCredentialSources_AsksForOne()
    {
        var result = Validate(o =>
        {
            o.Credentials = new AwsCredentials("AKID", "secret");
            o.CredentialsProvider = _ => ValueTask.FromResult(new AwsCredentials("AKID", "secret"));
        });

        Assert.Contains("set only one of them", Assert.Single(result.Failures!));
    }

    [Fact]
    public void Validate_BlankRegionAndRelativeEndpoint_ReportsBoth()
    {
        var result = Validate(o =>
        {
            o.Region = " ";
            o.EndpointUrl = new Uri("/relative", UriKind.Relative);
        });

        Assert.Equal(2, result.Failures!.Count());
    }

    [Fact]
    public void Constructor_InvalidOptions_ThrowsOptionsValidationException()
    {
        using var httpClient = new HttpClient();
        var options = new CodePipelineClientOptions { Region = "us-east-1", MaxAttempts = 0 };

        var error = Assert.Throws<OptionsValidationException>(
            () => new CodePipelineClient(httpClient, options, TimeProvider.System, () => 0));

        Assert.Contains("MaxAttempts is 0", error.Message);
    }

    private static ValidateOptionsResult Validate(Action<CodePipelineClientOptions> configure)
    {
        var options = new CodePipelineClientOptions();
        configure(options);
        return new CodePipelineClientOptionsValidator().Validate(null, options);
    }
}
