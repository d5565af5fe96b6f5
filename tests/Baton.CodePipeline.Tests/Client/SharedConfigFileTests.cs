using Baton.CodePipeline.Client;

namespace Baton.CodePipeline.Tests.Client;

public class SharedConfigFileTests
{
    private const string Config = """
        # Baton agent machines
        [default]
        region = eu-west-1
        output = json

        [profile dev]
        region=us-west-2 ; inline comment
        endpoint_url = http://127.0.0.1:4566
        services = local-emulator

        [services local-emulator]
        s3 =
          endpoint_url = http://127.0.0.1:9000
        codepipeline =
          endpoint_url = http://127.0.0.1:4567

        [ci]
        region = ap-south-1

        [profile   spaced   ]
        Region = sa-east-1
        """;

    [Fact]
    public void Parse_DefaultSection_ReadsItsProperties()
    {
        var file = SharedConfigFile.Parse(Config);

        Assert.Equal("eu-west-1", file.Profile("default")?.Get("region"));
        Assert.Equal("json", file.Profile("default")?.Get("output"));
    }

    [Fact]
    public void Parse_ProfileSection_StripsThePrefixAndInlineComments()
    {
        var dev = SharedConfigFile.Parse(Config).Profile("dev");

        Assert.NotNull(dev);
        Assert.Equal("us-west-2", dev.Get("region"));
        Assert.Equal("http://127.0.0.1:4566", dev.Get("endpoint_url"));
        Assert.Equal("local-emulator", dev.Get("services"));
    }

    [Fact]
    public void Parse_ServicesSection_ReadsIndentedSubProperties()
    {
        var services = SharedConfigFile.Parse(Config).Services("local-emulator");

        Assert.NotNull(services);
        Assert.Equal("http://127.0.0.1:4567", services.GetSubProperty("codepipeline", "endpoint_url"));
        Assert.Equal("http://127.0.0.1:9000", services.GetSubProperty("s3", "endpoint_url"));
    }

    [Fact]
    public void Parse_SectionWithoutProfilePrefix_IsNotAProfile()
    {
        // In the config file (unlike the credentials file) a named profile needs "profile ".
        Assert.Null(SharedConfigFile.Parse(Config).Profile("ci"));
    }

    [Fact]
    public void Parse_ExtraSpacesAndKeyCase_AreTolerated()
    {
        Assert.Equal("sa-east-1", SharedConfigFile.Parse(Config).Profile("spaced")?.Get("region"));
    }

    [Fact]
    public void Parse_WindowsLineEndingsAndHashInUrl_KeepTheValue()
    {
        var file = SharedConfigFile.Parse("[default]\r\nendpoint_url = http://host/#frag\r\nregion = us-east-1\r\n");

        Assert.Equal("http://host/#frag", file.Profile("default")?.Get("endpoint_url"));
        Assert.Equal("us-east-1", file.Profile("default")?.Get("region"));
    }

    [Fact]
    public void Parse_PropertiesBeforeAnySectionAndMalformedLines_AreIgnored()
    {
        var file = SharedConfigFile.Parse("region = us-east-1\n[default\nregion = eu-north-1\n[default]\nnot a property\nregion = eu-central-1\n");

        Assert.Equal("eu-central-1", file.Profile("default")?.Get("region"));
    }

    [Fact]
    public void Parse_EmptyValue_ReadsAsMissing()
    {
        var file = SharedConfigFile.Parse("[default]\nregion =\n");

        Assert.Null(file.Profile("default")?.Get("region"));
    }
}
