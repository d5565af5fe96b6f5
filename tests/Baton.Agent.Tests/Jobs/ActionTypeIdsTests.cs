using Baton.Agent.Jobs;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Jobs;

public sealed class ActionTypeIdsTests
{
    [Theory]
    [InlineData("Test/ThirdParty/BatonLoadTest/1", "Test", "ThirdParty", "BatonLoadTest", "1")]
    [InlineData("Build/Custom/My_Builder-2/v2-beta", "Build", "Custom", "My_Builder-2", "v2-beta")]
    public void Parse_ValidId_ReturnsItsParts(string text, string category, string owner, string provider, string version)
    {
        var id = ActionTypeIds.Parse(text);

        Assert.Equal(new ActionTypeId { Category = category, Owner = owner, Provider = provider, Version = version }, id);
        Assert.Equal(text, ActionTypeIds.Format(id));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Test/Custom/X")]
    [InlineData("Test/Custom/X/1/extra")]
    [InlineData("Test//X/1")]
    public void Parse_WrongShape_SaysWhichFormatToUse(string text)
    {
        var error = Assert.Throws<FormatException>(() => ActionTypeIds.Parse(text));

        Assert.Equal($"'{text}' is not an action type id; use Category/Owner/Provider/Version, e.g. Test/ThirdParty/BatonLoadTest/1.", error.Message);
    }

    [Fact]
    public void TryParse_ProviderTooLong_NamesTheLimit()
    {
        var provider = new string('p', 36);

        Assert.False(ActionTypeIds.TryParse($"Test/Custom/{provider}/1", out _, out var error));
        Assert.Equal($"'Test/Custom/{provider}/1': provider '{provider}' must be 1–35 characters of A–Z, a–z, 0–9, _ and -.", error);
    }

    [Fact]
    public void TryParse_CategoryInWrongCase_IsRejected()
    {
        Assert.False(ActionTypeIds.TryParse("test/Custom/X/1", out _, out var error));
        Assert.StartsWith("'test/Custom/X/1': category 'test' is not one of", error, StringComparison.Ordinal);
    }
}
