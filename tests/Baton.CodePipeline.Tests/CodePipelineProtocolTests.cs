namespace Baton.CodePipeline.Tests;

public class CodePipelineProtocolTests
{
    [Fact]
    public void Target_PollForJobs_PrefixesTheApiVersion()
    {
        Assert.Equal("CodePipeline_20150709.PollForJobs", CodePipelineProtocol.Target("PollForJobs"));
    }
}
