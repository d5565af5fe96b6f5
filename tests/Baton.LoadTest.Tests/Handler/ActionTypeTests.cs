using System.Text.Json;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Model;
using Baton.CodePipeline.Validation;
using Baton.LoadTest.Handler;
using Baton.LoadTest.Pages;

namespace Baton.LoadTest.Tests.Handler;

public sealed class ActionTypeTests
{
    [Fact]
    public void DefinitionJson_ServiceFilledIn_IsAValidCreateCustomActionTypeRequest()
    {
        var json = LoadTestActionType.DefinitionJson(new Uri("http://127.0.0.1:5080/"));

        var definition = CodePipelineJson.Deserialize<CreateCustomActionTypeRequest>(json);
        var validation = WireValidator.Validate(definition);

        Assert.True(validation.IsValid, validation.Message);
        Assert.DoesNotContain("{service}", json, StringComparison.Ordinal);
        Assert.Equal("http://127.0.0.1:5080/tests/{ExternalExecutionId}", definition.Settings!.ExecutionUrlTemplate);
        Assert.Equal("http://127.0.0.1:5080/signup", definition.Settings.ThirdPartyConfigurationUrl);
        Assert.Equal("http://127.0.0.1:5080/", definition.Settings.EntityUrlTemplate);
        Assert.Equal(("Test", "BatonLoadTest", "1"), (definition.Category, definition.Provider, definition.Version));
    }

    [Fact]
    public void Template_ConfigurationProperties_CoverWhatTheHandlerAndSignupPageRead()
    {
        using var document = JsonDocument.Parse(LoadTestActionType.TemplateJson());
        var properties = document.RootElement.GetProperty("configurationProperties").EnumerateArray().ToList();
        var names = properties.Select(p => p.GetProperty("name").GetString()!).ToList();

        Assert.InRange(properties.Count, 1, 10);
        Assert.Equal(["TargetUrl", "Duration", "Rate", "Users", "RampUp", "Thresholds", "Method", "Headers", "ApiKey", "ServiceUrl"], names);
        Assert.All(SignupPage.Fields, f => Assert.Contains(f, names));
        Assert.All(properties, p => Assert.InRange(p.GetProperty("description").GetString()!.Length, 1, 160));
        Assert.True(properties.Single(p => p.GetProperty("name").GetString() == "ApiKey").GetProperty("secret").GetBoolean());
        Assert.Equal(["TargetUrl", "Duration"], properties.Where(p => p.GetProperty("required").GetBoolean()).Select(p => p.GetProperty("name").GetString()));
    }

    [Fact]
    public void DefinitionJson_RelativeServiceUrl_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => LoadTestActionType.DefinitionJson(new Uri("/relative", UriKind.Relative)));

        Assert.Contains("absolute http(s) URL", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ActionTypeIds_AreTestThirdPartyAndCustom()
    {
        Assert.Equal(new ActionTypeId { Category = "Test", Owner = "ThirdParty", Provider = "BatonLoadTest", Version = "1" }, LoadTestActionType.ThirdParty);
        Assert.Equal("Custom", LoadTestActionType.Custom.Owner);
    }
}
