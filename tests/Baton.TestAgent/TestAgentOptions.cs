namespace Baton.TestAgent;

/// <summary>
/// The test agent's settings, bound from the <c>TestAgent</c> section (command line:
/// <c>--TestAgent:Steps=5</c>). The agent's own settings come from <c>Baton:Agent</c> as usual.
/// </summary>
internal sealed class TestAgentOptions
{
    public const string SectionName = "TestAgent";

    /// <summary>The emulator (CodePipeline and S3 on one port), for example <c>http://127.0.0.1:4599</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The action type to poll, <c>Category/Owner/Provider/Version</c>.</summary>
    public string ActionType { get; set; } = "Test/Custom/BatonTestAgent/1";

    public string Region { get; set; } = "us-east-1";

    public string AccessKey { get; set; } = "test";

    public string SecretKey { get; set; } = "test";

    /// <summary>How many steps an action execution takes; the last one succeeds.</summary>
    public int Steps { get; set; } = 5;

    /// <summary>The <c>checkAfter</c> of every continuing step.</summary>
    public TimeSpan CheckAfter { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The step that fails with <see cref="FailMessage"/>, or 0 for none.</summary>
    public int FailOnStep { get; set; }

    public string FailMessage { get; set; } = "The scripted step failed.";

    /// <summary>The step that blocks (after printing its start marker) until <see cref="BlockUntilFile"/> exists, or 0 for none.</summary>
    public int BlockOnStep { get; set; }

    /// <summary>The file whose appearance releases the blocked step.</summary>
    public string? BlockUntilFile { get; set; }

    /// <summary>The process that started the agent; the agent stops when it is gone. Default: none.</summary>
    public int? ParentProcessId { get; set; }
}
