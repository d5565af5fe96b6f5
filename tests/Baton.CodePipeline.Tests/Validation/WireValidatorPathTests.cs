using Baton.CodePipeline.Tests.Validation.SampleRecords;
using Baton.CodePipeline.Validation;

namespace Baton.CodePipeline.Tests.Validation;

public class WireValidatorPathTests
{
    private static SampleAction Action(string name) => new() { Name = name };

    private static SampleStage Stage(string name, params SampleAction[] actions) => new() { Name = name, Actions = actions };

    private static SamplePipelineRequest Pipeline(params SampleStage[] stages) => new()
    {
        Pipeline = new SamplePipeline { Name = "baton", RoleArn = "arn:aws:iam::123456789012:role/baton", Stages = stages },
    };

    [Fact]
    public void Validate_BadActionNameInSecondStage_UsesOneBasedMemberPath()
    {
        var request = Pipeline(Stage("Source", Action("Fetch")), Stage("Build", Action("bad name!"), Action("ok")));

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "1 validation error detected: Value 'bad name!' at 'pipeline.stages.2.member.actions.1.member.name' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9.@\\-_]+",
            result.Message);
    }

    [Fact]
    public void Validate_NullStructureInList_ReportsTheElementPath()
    {
        var request = Pipeline(Stage("Source", Action("Fetch"), null!));

        var error = Assert.Single(WireValidator.Validate(request).Errors);

        Assert.Equal("Value null at 'pipeline.stages.1.member.actions.2.member' failed to satisfy constraint: Member must not be null", error.ToString());
    }

    [Fact]
    public void Validate_MapValueTooLong_ReportsValueAtWithTheBracketedConstraints()
    {
        var action = Action("Deploy") with { Configuration = new Dictionary<string, string> { ["Bucket"] = new('b', 1001) } };

        var result = WireValidator.Validate(Pipeline(Stage("Deploy", action)));

        Assert.Equal(
            "1 validation error detected: Value at 'pipeline.stages.1.member.actions.1.member.configuration' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1]",
            result.Message);
    }

    [Fact]
    public void Validate_MapKeyTooLong_ReportsMapKeysConstraint()
    {
        var action = Action("Deploy") with { Configuration = new Dictionary<string, string> { [new string('k', 51)] = "v" } };

        var error = Assert.Single(WireValidator.Validate(Pipeline(Stage("Deploy", action))).Errors);

        Assert.True(error.IsValueWithheld);
        Assert.Equal("Map keys must satisfy constraint: [Member must have length less than or equal to 50, Member must have length greater than or equal to 1]", error.Constraint);
    }

    [Fact]
    public void Validate_MapCountAboveMax_ReportsLengthWithoutEchoingTheMap()
    {
        var request = new PollForJobsRequest
        {
            ActionTypeId = new ActionTypeId { Category = "Test", Owner = "Custom", Provider = "Baton", Version = "1" },
            QueryParam = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" },
        };

        var result = WireValidator.Validate(request);

        Assert.Equal(
            "1 validation error detected: Value at 'queryParam' failed to satisfy constraint: Member must have length less than or equal to 1",
            result.Message);
    }

    [Fact]
    public void Validate_StructureMapValue_WalksItAtKeyMemberPath()
    {
        var request = Pipeline(Stage("Source", Action("Fetch"))) with { };
        request = request with
        {
            Pipeline = request.Pipeline with
            {
                ArtifactStores = new Dictionary<string, SampleArtifactStore> { ["us-east-1"] = new() { Type = "S3", Location = "a" } },
            },
        };

        var error = Assert.Single(WireValidator.Validate(request).Errors);

        Assert.Equal("Value 'a' at 'pipeline.artifactStores.us-east-1.member.location' failed to satisfy constraint: Member must have length greater than or equal to 3", error.ToString());
    }

    [Fact]
    public void Validate_ListElementTooLong_ReportsTheListOnceInBracketedForm()
    {
        var action = Action("Run") with { Commands = ["ok", new string('c', 1001), new string('d', 1001)] };

        var error = Assert.Single(WireValidator.Validate(Pipeline(Stage("Build", action))).Errors);

        Assert.Equal("pipeline.stages.1.member.actions.1.member.commands", error.Path);
        Assert.Equal($"[ok, {new string('c', 1001)}, {new string('d', 1001)}]", error.Value);
        Assert.Equal("Member must satisfy constraint: [Member must have length less than or equal to 1000, Member must have length greater than or equal to 1]", error.Constraint);
    }

    [Fact]
    public void Validate_EmptyListBelowMinCount_ReportsLengthWithTheListValue()
    {
        var action = Action("Run") with { Commands = [] };

        var error = Assert.Single(WireValidator.Validate(Pipeline(Stage("Build", action))).Errors);

        Assert.Equal("Value '[]' at 'pipeline.stages.1.member.actions.1.member.commands' failed to satisfy constraint: Member must have length greater than or equal to 1", error.ToString());
    }

    [Fact]
    public void Validate_ErrorsAtSeveralDepths_AreOrderedDepthFirstInMemberOrder()
    {
        var request = Pipeline(Stage("bad stage", Action("bad action") with { RunOrder = 0 }), Stage(null!, Action("ok")));

        var paths = WireValidator.Validate(request).Errors.Select(e => e.Path);

        Assert.Equal(
            [
                "pipeline.stages.1.member.name",
                "pipeline.stages.1.member.actions.1.member.name",
                "pipeline.stages.1.member.actions.1.member.runOrder",
                "pipeline.stages.2.member.name",
            ],
            paths);
    }
}
