using Baton.Agent.Artifacts;

namespace Baton.Agent.Tests.Artifacts;

public sealed class S3EndpointTests
{
    [Fact]
    public void Resolve_OptionsSet_WinOverEnvironment()
    {
        var environment = Environment(("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000"), ("AWS_REGION", "eu-west-1"));

        var endpoint = S3Endpoint.Resolve(new ArtifactOptions { ServiceUrl = new Uri("http://127.0.0.1:4566"), Region = "us-west-2" }, environment);

        Assert.Equal(new Uri("http://127.0.0.1:4566"), endpoint.ServiceUrl);
        Assert.Equal("us-west-2", endpoint.Region);
        Assert.True(endpoint.ForcePathStyle);
    }

    [Fact]
    public void Resolve_ServiceSpecificVariable_WinsOverGlobalOne()
    {
        var environment = Environment(("AWS_ENDPOINT_URL", "http://127.0.0.1:1111"), ("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:2222"), ("AWS_DEFAULT_REGION", "ap-south-1"));

        var endpoint = S3Endpoint.Resolve(new ArtifactOptions(), environment);

        Assert.Equal(new Uri("http://127.0.0.1:2222"), endpoint.ServiceUrl);
        Assert.Equal("ap-south-1", endpoint.Region);
    }

    [Fact]
    public void Resolve_NothingSet_UsesAwsWithVirtualHostStyle()
    {
        var endpoint = S3Endpoint.Resolve(new ArtifactOptions(), Environment());

        Assert.Null(endpoint.ServiceUrl);
        Assert.Equal("us-east-1", endpoint.Region);
        Assert.False(endpoint.ForcePathStyle);
    }

    [Fact]
    public void Resolve_MalformedEnvironmentUrl_ClearError()
    {
        var exception = Assert.Throws<ArtifactException>(() => S3Endpoint.Resolve(new ArtifactOptions(), Environment(("AWS_ENDPOINT_URL", "localhost:4566"))));

        Assert.Contains("'localhost:4566'", exception.Message);
        Assert.Contains("absolute http:// or https:// URL", exception.Message);
    }

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;
}
