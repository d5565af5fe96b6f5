using System.Reflection;
using Baton.CodePipeline.Model;

namespace Baton.CodePipeline.Tests.Model;

public class CodePipelineOperationsTests
{
    private static readonly string[] _withoutOutput =
    [
        "PutJobSuccessResult", "PutJobFailureResult", "PutThirdPartyJobSuccessResult", "PutThirdPartyJobFailureResult",
        "DeleteCustomActionType", "DeletePipeline",
    ];

    private static readonly string[] _implemented =
    [
        "PollForJobs", "AcknowledgeJob", "GetJobDetails", "PutJobSuccessResult", "PutJobFailureResult",
        "PollForThirdPartyJobs", "AcknowledgeThirdPartyJob", "GetThirdPartyJobDetails", "PutThirdPartyJobSuccessResult",
        "PutThirdPartyJobFailureResult", "CreateCustomActionType", "DeleteCustomActionType", "ListActionTypes",
        "CreatePipeline", "GetPipeline", "UpdatePipeline", "DeletePipeline", "ListPipelines", "StartPipelineExecution",
        "StopPipelineExecution", "GetPipelineState", "GetPipelineExecution", "ListPipelineExecutions",
        "ListActionExecutions", "RetryStageExecution", "PutApprovalResult",
    ];

    public static TheoryData<string> Implemented() => [.. _implemented];

    [Fact]
    public void Names_AreExactlyTheImplementedOperations()
    {
        Assert.Equal(_implemented, CodePipelineOperations.Names);
    }

    [Theory]
    [MemberData(nameof(Implemented))]
    public void TryGet_ImplementedOperation_DescribesItsRecords(string name)
    {
        Assert.True(CodePipelineOperations.TryGet(name, out var descriptor));

        Assert.Equal(name, descriptor.Name);
        Assert.Equal(name + "Request", descriptor.RequestType.Name);
        Assert.Equal(name + "Input", descriptor.RequestType.GetCustomAttribute<ModelShapeAttribute>()!.Name);
        if (_withoutOutput.Contains(name))
        {
            Assert.Null(descriptor.ResponseType);
            Assert.Null(typeof(PollForJobsRequest).Assembly.GetType($"Baton.CodePipeline.Model.{name}Response"));
        }
        else
        {
            Assert.Equal(name + "Response", descriptor.ResponseType!.Name);
            Assert.Equal(name + "Output", descriptor.ResponseType.GetCustomAttribute<ModelShapeAttribute>()!.Name);
        }
    }

    [Theory]
    [MemberData(nameof(Implemented))]
    public void Client_ImplementedOperation_HasAnAsyncMethodWithTheRecords(string name)
    {
        Assert.True(CodePipelineOperations.TryGet(name, out var descriptor));
        var method = typeof(ICodePipelineClient).GetMethod(name + "Async")!;

        Assert.Equal([descriptor.RequestType, typeof(CancellationToken)], method.GetParameters().Select(p => p.ParameterType));
        var expected = descriptor.ResponseType is null ? typeof(Task) : typeof(Task<>).MakeGenericType(descriptor.ResponseType);
        Assert.Equal(expected, method.ReturnType);
    }

    [Theory]
    [InlineData("EnableStageTransition")]
    [InlineData("pollforjobs")]
    [InlineData("")]
    public void TryGet_OtherName_ReturnsFalse(string name)
    {
        Assert.False(CodePipelineOperations.TryGet(name, out var descriptor));
        Assert.Null(descriptor);
    }

    [Fact]
    public void ActionExecutionInput_IsAPlainShape_NotARenamedRequest()
    {
        Assert.Equal("ActionExecutionInput", typeof(ActionExecutionInput).GetCustomAttribute<ModelShapeAttribute>()!.Name);
    }
}
