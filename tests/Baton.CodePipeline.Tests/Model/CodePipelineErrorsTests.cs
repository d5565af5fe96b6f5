using System.Net;

namespace Baton.CodePipeline.Tests.Model;

public class CodePipelineErrorsTests
{
    [Fact]
    public void Create_KnownCode_ReturnsItsSubclass()
    {
        var error = CodePipelineErrors.Create("JobNotFoundException", "No job", HttpStatusCode.BadRequest, "req-1");

        var typed = Assert.IsType<JobNotFoundException>(error);
        Assert.Equal("JobNotFoundException", typed.ErrorCode);
        Assert.Equal("No job", typed.Message);
        Assert.Equal(HttpStatusCode.BadRequest, typed.StatusCode);
        Assert.Equal("req-1", typed.RequestId);
    }

    [Fact]
    public void Create_PrefixedCode_ReturnsItsSubclassWithTheBareCode()
    {
        var error = CodePipelineErrors.Create("com.amazonaws.codepipeline#InvalidNonceException", "stale", HttpStatusCode.BadRequest, null);

        Assert.IsType<InvalidNonceException>(error);
        Assert.Equal("InvalidNonceException", error.ErrorCode);
    }

    [Fact]
    public void Create_UnknownCode_ReturnsTheBaseType()
    {
        var error = CodePipelineErrors.Create("ThrottlingException", "Rate exceeded", HttpStatusCode.BadRequest, null);

        Assert.Equal(typeof(CodePipelineServiceException), error.GetType());
        Assert.Equal("ThrottlingException", error.ErrorCode);
    }

    [Fact]
    public void Create_EveryModeledCode_ReturnsAClassOfThatName()
    {
        Assert.Equal(31, CodePipelineErrors.Codes.Count);
        foreach (var code in CodePipelineErrors.Codes)
        {
            var error = CodePipelineErrors.Create(code, "m", HttpStatusCode.BadRequest, null);

            Assert.Equal(code, error.GetType().Name);
            Assert.Equal(code, error.ErrorCode);
        }
    }

    [Fact]
    public void ErrorsOf_Operation_ListsTheModelsErrorsInOrder()
    {
        Assert.Equal(
            ["ValidationException", "InvalidNonceException", "JobNotFoundException", "InvalidClientTokenException"],
            CodePipelineErrors.ErrorsOf("AcknowledgeThirdPartyJob"));
    }

    [Fact]
    public void ErrorsOf_EveryOperation_IsKnownAndUsesModeledCodes()
    {
        foreach (var operation in CodePipelineOperations.Names)
        {
            var errors = CodePipelineErrors.ErrorsOf(operation);

            Assert.NotEmpty(errors);
            Assert.All(errors, code => Assert.Contains(code, CodePipelineErrors.Codes));
        }
    }

    [Fact]
    public void ErrorsOf_UnknownOperation_FailsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => CodePipelineErrors.ErrorsOf("EnableStageTransition"));

        Assert.Contains("'EnableStageTransition'", error.Message, StringComparison.Ordinal);
    }
}
