using System.Text.Json;
using System.Text.RegularExpressions;
using Baton.CodePipeline.Tests.Conformance;
using Baton.CodePipeline.Validation;

namespace Baton.CodePipeline.Tests.Validation;

public class JavaRegexTranslatorTests
{
    public static TheoryData<string> ModelPatterns()
    {
        var patterns = new TheoryData<string>();
        foreach (var pattern in ServiceModelFile.Shapes.EnumerateObject()
            .Select(shape => shape.Value.TryGetProperty("pattern", out var p) ? p.GetString() : null)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal))
        {
            patterns.Add(pattern);
        }

        return patterns;
    }

    [Theory]
    [MemberData(nameof(ModelPatterns))]
    public void Compile_EveryPatternInTheModel_CompilesWithTimeout(string pattern)
    {
        var regex = JavaRegexTranslator.Compile(pattern, TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(1), regex.MatchTimeout);
        Assert.True(regex.Options.HasFlag(RegexOptions.CultureInvariant));
    }

    [Fact]
    public void ModelPatterns_AreFoundInTheModel()
    {
        Assert.True(ModelPatterns().Count >= 10, "expected the model's patterns; is the model file the CodePipeline service model?");
    }

    [Theory]
    [InlineData("[0-9]{12}", "123456789012", true)]
    [InlineData("[0-9]{12}", "1234567890123", false)]
    [InlineData("[0-9]{12}", "x123456789012", false)]
    [InlineData("AWS|ThirdParty", "AWS", true)]
    [InlineData("AWS|ThirdParty", "AWSThirdParty", false)]
    [InlineData("^[a-zA-Z0-9-]+$", "abc-1", true)]
    [InlineData("^[a-zA-Z0-9-]+$", "abc-1\n", false)]
    public void Compile_Pattern_MatchesTheWholeStringOnly(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, JavaRegexTranslator.Compile(pattern, TimeSpan.FromSeconds(1)).IsMatch(value));
    }

    [Theory]
    [InlineData("arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*", "arn:aws-cn:iam::123456789012:role/x", true)]
    [InlineData("arn:aws(-[\\w]+)*:iam::[0-9]{12}:role/.*", "arn:aws-cé:iam::123456789012:role/x", false)]
    [InlineData("\\w+", "abc_9", true)]
    [InlineData("\\w+", "é", false)]
    [InlineData("\\d", "٣", false)]
    [InlineData(".*", "line\rbreak", false)]
    [InlineData(".*", "line\u2028break", false)]
    [InlineData(".*", "no break", true)]
    [InlineData("\\p{Alpha}+", "abcXYZ", true)]
    [InlineData("\\p{Alpha}+", "abç", false)]
    [InlineData("\\Qa.b\\E", "a.b", true)]
    [InlineData("\\Qa.b\\E", "axb", false)]
    public void Translate_JavaSemantics_AreKept(string pattern, string value, bool expected)
    {
        Assert.Equal(expected, JavaRegexTranslator.Compile(pattern, TimeSpan.FromSeconds(1)).IsMatch(value));
    }

    [Theory]
    [InlineData("a*+b", "possessive")]
    [InlineData("[a-z&&[^e]]", "intersection")]
    [InlineData("\\h", "\\h")]
    [InlineData("[\\W]", "negated shorthand")]
    [InlineData("abc\\", "lone backslash")]
    public void Translate_JavaOnlyConstruct_ThrowsNamingIt(string pattern, string expectedInMessage)
    {
        var error = Assert.Throws<ArgumentException>(() => JavaRegexTranslator.Translate(pattern));

        Assert.Contains(expectedInMessage, error.Message, StringComparison.Ordinal);
        Assert.Contains(pattern, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Translate_LazyQuantifierAndGroups_PassThrough()
    {
        Assert.Equal("(?:a)+?b", JavaRegexTranslator.Translate("(?:a)+?b"));
    }

    [Fact]
    public void ModelFile_ParsesAsTheCodePipelineModel()
    {
        Assert.Equal("CodePipeline", ServiceModelFile.Model.RootElement.GetProperty("metadata").GetProperty("serviceId").GetString());
        Assert.Equal(JsonValueKind.Object, ServiceModelFile.Shapes.ValueKind);
    }
}
