using Baton.CodePipeline.Tests.Validation.SampleRecords;
using Baton.CodePipeline.Validation;

namespace Baton.CodePipeline.Tests.Validation;

// AWS leaves a sensitive value out of the message entirely ("Value at 'x' failed ..."), the same
// form it uses for maps; Baton does the same rather than inventing a mask.
public class WireValidatorSensitiveTests
{
    [Fact]
    public void Validate_SensitiveMemberTooLong_DoesNotEchoTheValue()
    {
        var token = "secret-" + new string('x', 300);

        var result = WireValidator.Validate(new SampleJobData { ClientToken = token });

        Assert.Equal(
            "1 validation error detected: Value at 'clientToken' failed to satisfy constraint: Member must have length less than or equal to 256",
            result.Message);
        Assert.DoesNotContain("secret", result.Message, StringComparison.Ordinal);
        Assert.Null(Assert.Single(result.Errors).Value);
    }

    [Fact]
    public void Validate_MemberInsideSensitiveStructure_DoesNotEchoTheValue()
    {
        var credentials = new SampleCredentials { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY-long", SessionToken = "token" };

        var result = WireValidator.Validate(new SampleJobData { ArtifactCredentials = credentials });

        var error = Assert.Single(result.Errors);
        Assert.Equal("artifactCredentials.secretAccessKey", error.Path);
        Assert.True(error.IsValueWithheld);
        Assert.DoesNotContain("wJalr", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingSensitiveMember_StillSaysValueNull()
    {
        var credentials = new SampleCredentials { AccessKeyId = "AKIDEXAMPLE", SecretAccessKey = "s", SessionToken = null! };

        var result = WireValidator.Validate(new SampleJobData { ArtifactCredentials = credentials });

        Assert.Equal(
            "1 validation error detected: Value null at 'artifactCredentials.sessionToken' failed to satisfy constraint: Member must not be null",
            result.Message);
    }
}
