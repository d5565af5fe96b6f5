using Baton.CodePipeline.Client;

namespace Baton.CodePipeline.Tests.Client;

public class CodePipelineEndpointResolverTests
{
    private const string Profiles = """
        [default]
        region = eu-west-1
        endpoint_url = http://profile-default.test:1000

        [profile dev]
        region = us-west-2
        services = dev-services
        endpoint_url = http://profile-dev.test:2000

        [services dev-services]
        codepipeline =
          endpoint_url = http://services-dev.test:3000
        """;

    // Each row adds one more source; the expected value is the one the AWS tools would pick.
    public static TheoryData<string, string[], string, string> EndpointRows => new()
    {
        { "nothing configured: the region's public endpoint", ["AWS_REGION=eu-west-1"], "https://codepipeline.eu-west-1.amazonaws.com/", "the AWS endpoint of eu-west-1" },
        { "profile endpoint_url", ["CONFIG"], "http://profile-default.test:1000/", "[default] in /home/agent/.aws/config" },
        { "services section beats profile endpoint_url", ["AWS_PROFILE=dev", "CONFIG"], "http://services-dev.test:3000/", "[services dev-services] in /home/agent/.aws/config" },
        { "AWS_ENDPOINT_URL beats the config file", ["AWS_PROFILE=dev", "CONFIG", "AWS_ENDPOINT_URL=http://global.test:4000"], "http://global.test:4000/", "AWS_ENDPOINT_URL" },
        { "service variable beats AWS_ENDPOINT_URL", ["AWS_PROFILE=dev", "CONFIG", "AWS_ENDPOINT_URL=http://global.test:4000", "AWS_ENDPOINT_URL_CODEPIPELINE=http://service.test:5000"], "http://service.test:5000/", "AWS_ENDPOINT_URL_CODEPIPELINE" },
        { "option beats everything", ["AWS_PROFILE=dev", "CONFIG", "AWS_ENDPOINT_URL_CODEPIPELINE=http://service.test:5000", "OPTION=http://option.test:6000"], "http://option.test:6000/", "CodePipelineClientOptions.EndpointUrl" },
        { "ignore flag skips configured endpoints", ["AWS_PROFILE=dev", "CONFIG", "AWS_ENDPOINT_URL=http://global.test:4000", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true"], "https://codepipeline.us-west-2.amazonaws.com/", "the AWS endpoint of us-west-2" },
        { "ignore flag keeps the option", ["CONFIG", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true", "OPTION=http://option.test:6000"], "http://option.test:6000/", "CodePipelineClientOptions.EndpointUrl" },
    };

    public static TheoryData<string, string[], string, string> RegionRows => new()
    {
        { "profile region", ["CONFIG"], "eu-west-1", "[default] in /home/agent/.aws/config" },
        { "named profile region", ["CONFIG", "AWS_PROFILE=dev"], "us-west-2", "[profile dev] in /home/agent/.aws/config" },
        { "AWS_DEFAULT_REGION beats the profile", ["CONFIG", "AWS_DEFAULT_REGION=ap-south-1"], "ap-south-1", "AWS_DEFAULT_REGION" },
        { "AWS_REGION beats AWS_DEFAULT_REGION", ["CONFIG", "AWS_DEFAULT_REGION=ap-south-1", "AWS_REGION=ca-central-1"], "ca-central-1", "AWS_REGION" },
        { "option beats everything", ["CONFIG", "AWS_REGION=ca-central-1", "REGION=me-south-1"], "me-south-1", "CodePipelineClientOptions.Region" },
    };

    [Theory]
    [MemberData(nameof(EndpointRows))]
    public void Resolve_EndpointSources_FollowTheAwsPrecedence(string row, string[] sources, string expectedUrl, string expectedSource)
    {
        var endpoint = Resolve(sources);

        Assert.True(expectedUrl == endpoint.Url.ToString(), $"{row}: got {endpoint.Url}");
        Assert.Equal(expectedSource, endpoint.UrlSource);
    }

    [Theory]
    [MemberData(nameof(RegionRows))]
    public void Resolve_RegionSources_FollowTheAwsPrecedence(string row, string[] sources, string expectedRegion, string expectedSource)
    {
        var endpoint = Resolve(sources);

        Assert.True(expectedRegion == endpoint.Region, $"{row}: got {endpoint.Region}");
        Assert.Equal(expectedSource, endpoint.RegionSource);
    }

    [Fact]
    public void Resolve_ChinaRegion_UsesTheChinaDomain()
    {
        var endpoint = Resolve(["REGION=cn-north-1"]);

        Assert.Equal(new Uri("https://codepipeline.cn-north-1.amazonaws.com.cn/"), endpoint.Url);
    }

    [Fact]
    public void Resolve_AwsConfigFileVariable_ReadsThatFile()
    {
        var environment = new FakeAwsEnvironment()
            .Set("AWS_CONFIG_FILE", "/etc/baton/aws-config")
            .WithFile("/etc/baton/aws-config", "[default]\nregion = eu-north-1\n");

        var endpoint = CodePipelineEndpointResolver.Resolve(new CodePipelineClientOptions(), environment);

        Assert.Equal("eu-north-1", endpoint.Region);
        Assert.Equal("[default] in /etc/baton/aws-config", endpoint.RegionSource);
    }

    [Fact]
    public void Resolve_NoRegionAnywhere_ThrowsAndSaysHowToSetOne()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => CodePipelineEndpointResolver.Resolve(new CodePipelineClientOptions(), new FakeAwsEnvironment()));

        Assert.Contains("No AWS region is configured", error.Message);
        Assert.Contains("CodePipelineClientOptions.Region", error.Message);
        Assert.Contains("AWS_REGION", error.Message);
        Assert.Contains("'region' in the [default] section of /home/agent/.aws/config", error.Message);
    }

    [Fact]
    public void Resolve_ProfileNotInFile_SaysTheProfileWasNotFound()
    {
        var environment = new FakeAwsEnvironment().Set("AWS_PROFILE", "prod").WithConfig(Profiles);

        var error = Assert.Throws<InvalidOperationException>(
            () => CodePipelineEndpointResolver.Resolve(new CodePipelineClientOptions(), environment));

        Assert.Contains("[profile prod] section", error.Message);
        Assert.Contains("the profile 'prod' named by AWS_PROFILE was not found", error.Message);
    }

    [Fact]
    public void Resolve_MalformedRegion_NamesTheValueAndItsSource()
    {
        var environment = new FakeAwsEnvironment().Set("AWS_REGION", "US East 1");

        var error = Assert.Throws<InvalidOperationException>(
            () => CodePipelineEndpointResolver.Resolve(new CodePipelineClientOptions(), environment));

        Assert.Equal("The AWS region 'US East 1' (from AWS_REGION) is not a valid region name; use a name such as 'us-east-1'.", error.Message);
    }

    [Theory]
    [InlineData("127.0.0.1:4566")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("http://127.0.0.1:4566/?x=1")]
    public void Resolve_MalformedEndpoint_NamesTheValueAndItsSource(string url)
    {
        var environment = new FakeAwsEnvironment().Set("AWS_REGION", "us-east-1").Set("AWS_ENDPOINT_URL", url);

        var error = Assert.Throws<InvalidOperationException>(
            () => CodePipelineEndpointResolver.Resolve(new CodePipelineClientOptions(), environment));

        Assert.Contains($"'{url}' (from AWS_ENDPOINT_URL)", error.Message);
    }

    private static CodePipelineEndpoint Resolve(IEnumerable<string> sources)
    {
        var environment = new FakeAwsEnvironment();
        var options = new CodePipelineClientOptions();
        foreach (var source in sources)
        {
            var (name, value) = source.IndexOf('=') is var i and >= 0 ? (source[..i], source[(i + 1)..]) : (source, "");
            switch (name)
            {
                case "CONFIG":
                    environment.WithConfig(Profiles);
                    break;
                case "OPTION":
                    options.EndpointUrl = new Uri(value);
                    break;
                case "REGION":
                    options.Region = value;
                    break;
                default:
                    environment.Set(name, value);
                    break;
            }
        }

        return CodePipelineEndpointResolver.Resolve(options, environment);
    }
}
