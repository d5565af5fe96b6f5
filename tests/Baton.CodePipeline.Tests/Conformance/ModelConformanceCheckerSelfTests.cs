using Baton.CodePipeline.Tests.Validation.SampleRecords;

namespace Baton.CodePipeline.Tests.Conformance;

// The checker must be able to fail: each deliberately broken record (one deviation each) is
// reported with a precise message, and the correct records pass.
public class ModelConformanceCheckerSelfTests
{
    private static ModelConformanceChecker CheckerFor(params Type[] types) => new(ServiceModelFile.Model, types);

    [Fact]
    public void Check_ConformingSampleRecords_ReportNothing()
    {
        var checker = CheckerFor(
            typeof(PollForJobsRequest), typeof(ActionTypeId), typeof(AcknowledgeJobRequest), typeof(AcknowledgeJobResponse),
            typeof(PutJobSuccessResultRequest), typeof(CurrentRevision), typeof(ExecutionDetails));

        Assert.Empty(checker.Check("PollForJobsInput"));
        Assert.Empty(checker.Check("AcknowledgeJobInput"));
        Assert.Empty(checker.Check("AcknowledgeJobOutput"));
        Assert.Empty(checker.Check("PutJobSuccessResultInput"));
    }

    [Fact]
    public void Check_WrongMemberName_ReportsMissingAndExtra()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.WrongName)).Check("AcknowledgeJobInput");

        Assert.Equal(
            [
                "AcknowledgeJobInput.nonce: missing from WrongName (no property with [JsonPropertyName(\"nonce\")])",
                "AcknowledgeJobInput: WrongName.Nonce has wire name 'nounce', which the model does not declare",
            ],
            mismatches);
    }

    [Fact]
    public void Check_WrongMax_ReportsModelAndRecordValues()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.WrongMax)).Check("AcknowledgeJobInput");

        Assert.Equal(["AcknowledgeJobInput.nonce (WrongMax.Nonce): max differs at Value: model 50, record 51"], mismatches);
    }

    [Fact]
    public void Check_MissingRequiredModifier_ReportsRequiredAndNullability()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.MissingRequired)).Check("AcknowledgeJobInput");

        Assert.Equal(
            [
                "AcknowledgeJobInput.nonce (MissingRequired.Nonce): required differs: the model requires it, the record has no `required` modifier",
                "AcknowledgeJobInput.nonce (MissingRequired.Nonce): nullability differs: required members are non-nullable, the record's type is String?",
            ],
            mismatches);
    }

    [Fact]
    public void Check_WrongPattern_ReportsBothPatterns()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.WrongPattern)).Check("AcknowledgeJobInput");

        Assert.Equal(
            ["AcknowledgeJobInput.jobId (WrongPattern.JobId): pattern differs at Value: model '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}', record '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{11}'"],
            mismatches);
    }

    [Fact]
    public void Check_WrongEnum_ReportsBothValueSets()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.WrongEnum)).Check("AcknowledgeJobOutput");

        Assert.Equal(
            ["AcknowledgeJobOutput.status (WrongEnum.Status): enum differs at Value: model [Created, Queued, Dispatched, InProgress, TimedOut, Succeeded, Failed], record [Created, Queued, Dispatched, InProgress, TimedOut, Succeeded]"],
            mismatches);
    }

    [Fact]
    public void Check_WrongMapValueConstraintAndKind_AreReportedAtTheirLevel()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.WrongQueryParam), typeof(ActionTypeId)).Check("PollForJobsInput");

        Assert.Equal(
            [
                "PollForJobsInput.maxBatchSize (WrongQueryParam.MaxBatchSize): type kind differs: model integer (MaxBatchSize), record string (String)",
                "PollForJobsInput.queryParam (WrongQueryParam.QueryParam): pattern differs at MapValue: model '[a-zA-Z0-9_-]+', record (none)",
            ],
            mismatches);
    }

    [Fact]
    public void Check_MissingNestedRecordAndSensitiveFlag_AreReported()
    {
        var mismatches = CheckerFor(typeof(BrokenRecords.Credentials)).Check("AWSSessionCredentials");

        Assert.Equal(
            ["AWSSessionCredentials.sessionToken (Credentials.SessionToken): sensitive differs: model sensitive, record not marked [Sensitive]"],
            mismatches);
        Assert.Equal(
            ["PollForJobsInput: no record with [ModelShape(\"PollForJobsInput\")] (reached from the root)", "ActionTypeId: no record with [ModelShape(\"ActionTypeId\")] (reached from PollForJobsInput.actionTypeId)"],
            CheckerFor().Check("PollForJobsInput"));
    }
}
