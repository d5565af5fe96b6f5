using Baton.CodePipeline.Tests.Validation.SampleRecords;
using Baton.CodePipeline.Validation;

namespace Baton.CodePipeline.Tests.Validation;

public class WireValidatorConstraintTests
{
    private const string JobId = "0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d";

    private static readonly ActionTypeId _customBuild = new()
    {
        Category = "Build",
        Owner = "Custom",
        Provider = "BatonLoadTest",
        Version = "1",
    };

    [Fact]
    public void Validate_ValidRequest_IsValidWithEmptyMessage()
    {
        var result = WireValidator.Validate(new PollForJobsRequest { ActionTypeId = _customBuild, MaxBatchSize = 5 });

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(string.Empty, result.Message);
    }

    [Fact]
    public void Validate_RequiredMemberNull_ReportsValueNull()
    {
        var result = WireValidator.Validate(new AcknowledgeJobRequest { JobId = JobId, Nonce = null! });

        Assert.Equal(
            "1 validation error detected: Value null at 'nonce' failed to satisfy constraint: Member must not be null",
            result.Message);
        Assert.Equal(new ValidationError("nonce", null, "Member must not be null"), Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_StringTooLong_ReportsLengthLessThanOrEqual()
    {
        var result = WireValidator.Validate(new AcknowledgeJobRequest { JobId = JobId, Nonce = new string('n', 51) });

        Assert.Equal(
            $"1 validation error detected: Value '{new string('n', 51)}' at 'nonce' failed to satisfy constraint: Member must have length less than or equal to 50",
            result.Message);
    }

    [Fact]
    public void Validate_StringTooShort_ReportsLengthGreaterThanOrEqual()
    {
        var result = WireValidator.Validate(new AcknowledgeJobRequest { JobId = JobId, Nonce = string.Empty });

        Assert.Equal(
            "1 validation error detected: Value '' at 'nonce' failed to satisfy constraint: Member must have length greater than or equal to 1",
            result.Message);
    }

    [Fact]
    public void Validate_PatternMismatch_QuotesTheModelPattern()
    {
        var result = WireValidator.Validate(new AcknowledgeJobRequest { JobId = "not-a-job-id", Nonce = "3" });

        Assert.Equal(
            "1 validation error detected: Value 'not-a-job-id' at 'jobId' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            result.Message);
    }

    [Fact]
    public void Validate_PatternMatchesOnlyAPrefix_FailsBecauseTheWholeStringMustMatch()
    {
        var result = WireValidator.Validate(new AcknowledgeJobRequest { JobId = JobId + "-extra", Nonce = "3" });

        Assert.Equal("jobId", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Validate_EnumMismatch_ListsTheValueSetInModelOrder()
    {
        var result = WireValidator.Validate(new PollForJobsRequest { ActionTypeId = _customBuild with { Owner = "Bogus" } });

        Assert.Equal(
            "1 validation error detected: Value 'Bogus' at 'actionTypeId.owner' failed to satisfy constraint: Member must satisfy enum value set: [AWS, ThirdParty, Custom]",
            result.Message);
    }

    [Fact]
    public void Validate_NumberBelowMin_ReportsValueGreaterThanOrEqual()
    {
        var result = WireValidator.Validate(new PollForJobsRequest { ActionTypeId = _customBuild, MaxBatchSize = 0 });

        Assert.Equal(
            "1 validation error detected: Value '0' at 'maxBatchSize' failed to satisfy constraint: Member must have value greater than or equal to 1",
            result.Message);
    }

    [Fact]
    public void Validate_NumberAboveMax_ReportsValueLessThanOrEqual()
    {
        var request = new PutJobSuccessResultRequest { JobId = JobId, ExecutionDetails = new ExecutionDetails { PercentComplete = 101 } };

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "1 validation error detected: Value '101' at 'executionDetails.percentComplete' failed to satisfy constraint: Member must have value less than or equal to 100",
            result.Message);
    }

    [Fact]
    public void Validate_OneValueBreaksSeveralConstraints_ReportsEachAsItsOwnError()
    {
        var request = new PollForJobsRequest { ActionTypeId = _customBuild with { Version = "1.0.0.0.0.0" } };

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "2 validation errors detected: "
            + "Value '1.0.0.0.0.0' at 'actionTypeId.version' failed to satisfy constraint: Member must have length less than or equal to 9; "
            + "Value '1.0.0.0.0.0' at 'actionTypeId.version' failed to satisfy constraint: Member must satisfy regular expression pattern: [0-9A-Za-z_-]+",
            result.Message);
    }

    [Fact]
    public void Validate_ThreeErrors_UsesThePluralAndModelMemberOrder()
    {
        var request = new PollForJobsRequest
        {
            ActionTypeId = new ActionTypeId { Category = "Bake", Owner = "Custom", Provider = null!, Version = "1" },
            MaxBatchSize = -1,
        };

        var result = WireValidator.Validate(request);

        Assert.Equal(3, result.Errors.Count);
        Assert.StartsWith("3 validation errors detected: ", result.Message, StringComparison.Ordinal);
        Assert.Equal(["actionTypeId.category", "actionTypeId.provider", "maxBatchSize"], result.Errors.Select(e => e.Path));
        Assert.Equal(2, result.Message.Split("; ").Length - 1);
    }

    [Fact]
    public void Validate_NullRequest_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => WireValidator.Validate<AcknowledgeJobRequest>(null!));
    }
}
