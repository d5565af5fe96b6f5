using Baton.Agent.Artifacts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Baton.Agent.Tests.Artifacts;

public sealed class ArtifactRegistrationTests
{
    [Fact]
    public void AddBatonArtifacts_Configuration_BindsTheArtifactsSection()
    {
        using var services = Build(("Baton:Agent:Artifacts:MaxEntryCount", "5"), ("Baton:Agent:Artifacts:ServiceUrl", "http://127.0.0.1:4566"));

        var options = services.GetRequiredService<IOptions<ArtifactOptions>>().Value;

        Assert.Equal(5, options.MaxEntryCount);
        Assert.Equal(new Uri("http://127.0.0.1:4566"), options.ServiceUrl);
        Assert.NotNull(services.GetRequiredService<JobArtifactsFactory>());
    }

    [Theory]
    [InlineData("Baton:Agent:Artifacts:PartSize", "1048576", "PartSize")]
    [InlineData("Baton:Agent:Artifacts:ServiceUrl", "ftp://127.0.0.1/", "must be an absolute http:// or https:// URL")]
    [InlineData("Baton:Agent:Artifacts:Region", "Mars", "Region must look like 'us-east-1'")]
    public void AddBatonArtifacts_InvalidSetting_FailsValidationNamingIt(string key, string value, string expected)
    {
        using var services = Build((key, value));

        var exception = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<ArtifactOptions>>().Value);

        Assert.Contains(expected, exception.Message);
    }

    private static ServiceProvider Build(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddBatonArtifacts();
        return services.BuildServiceProvider();
    }
}
