using Baton.WireGen;

namespace Baton.CodePipeline.Tests.Model;

public class WireGenNamingTests
{
    [Theory]
    [InlineData("InProgress", "InProgress")]
    [InlineData("SECRETS_MANAGER", "SecretsManager")]
    [InlineData("AWS", "Aws")]
    [InlineData("S3", "S3")]
    [InlineData("V1", "V1")]
    [InlineData("S3_OBJECT_VERSION_ID", "S3ObjectVersionId")]
    [InlineData("3rd-party", "Value3rdParty")]
    [InlineData("Values", "ValuesValue")]
    [InlineData("Result", "ResultValue")]
    public void EnumConstantName_Value_FollowsTheDocumentedRule(string value, string expected)
    {
        Assert.Equal(expected, Naming.EnumConstantName(value, "Result"));
    }

    [Theory]
    [InlineData("s3location", "Job", "S3location")]
    [InlineData("logStreamARN", "Job", "LogStreamARN")]
    [InlineData("job", "Job", "JobValue")]
    public void PropertyName_Member_IsPascalCasedAndNeverTheRecordsName(string member, string record, string expected)
    {
        Assert.Equal(expected, Naming.PropertyName(member, record));
    }

    [Fact]
    public void PropertyName_NotAnIdentifier_FailsNamingTheMember()
    {
        var error = Assert.Throws<GeneratorException>(() => Naming.PropertyName("odd-name", "Job"));

        Assert.Contains("'odd-name' of 'Job'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literal_Pattern_EscapesBackslashesQuotesAndNonAscii()
    {
        Assert.Equal("\"[A-Za-z0-9.@\\\\-_]+\\\"\\u00e9\\n\"", Naming.Literal("[A-Za-z0-9.@\\-_]+\"é\n"));
    }

    [Fact]
    public void Summary_Html_KeepsTwoSentencesOfTheFirstParagraphEscaped()
    {
        const string Html = "<p>Returns a <code>Job</code> &amp; its data. Second one (a &lt; b). Third is dropped.</p><p>Other paragraph.</p>";

        Assert.Equal("Returns a Job &amp; its data. Second one (a &lt; b).", DocText.Summary(Html, "fallback"));
        Assert.Equal("fallback <c>x</c>", DocText.Summary(null, "fallback <c>x</c>"));
        Assert.Equal("fallback", DocText.Summary("<p> </p>", "fallback"));
    }
}
