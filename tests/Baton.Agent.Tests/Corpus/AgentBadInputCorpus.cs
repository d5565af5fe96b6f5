using System.Text;
using Baton.Agent.Continuation;
using Baton.Agent.Tests.Artifacts;
using Baton.Agent.Tests.Fakes;
using Baton.CodePipeline.Model;

namespace Baton.Agent.Tests.Corpus;

/// <summary>
/// The agent's bad-input corpus: job data, configuration values, continuation tokens and input
/// artifacts that are missing, oversized, of the wrong type, tampered with or hostile, each with the
/// one report it must end in. Cases already proven in a unit test name that test in docs/reliability.md.
/// </summary>
internal static class AgentBadInputCorpus
{
    private const string Origin = "11111111-1111-1111-1111-111111111111";

    public static readonly IReadOnlyDictionary<string, AgentCase> Cases = new AgentCase[]
    {
        // Job data with missing, oversized or wrong-typed fields.
        new("data-missing", _ => null, _ => null, FailureType.ConfigurationError, "The action configuration property 'Target' is required but is not set."),
        new("configuration-missing", t => Data(t) with { ActionConfiguration = null }, _ => null, FailureType.ConfigurationError, "'Target' is required"),
        new("configuration-map-missing", t => Data(t) with { ActionConfiguration = new ActionConfiguration() }, _ => null, FailureType.ConfigurationError, "'Target' is required"),
        new("pipeline-context-missing", t => Data(t) with { PipelineContext = null }, _ => null, null, string.Empty),
        new("action-type-missing", t => Data(t) with { ActionTypeId = null }, _ => null, null, string.Empty),
        new("input-artifact-list-missing", t => Data(t, Config(("Input", "App"))) with { InputArtifacts = null }, _ => null, FailureType.ConfigurationError, "'App'"),
        new("input-artifact-location-missing", t => Data(t, Config(("Input", "App"))) with { InputArtifacts = [new Artifact { Name = "App" }] }, _ => null, FailureType.ConfigurationError, "'App'"),
        new("artifact-credentials-missing", t => Data(t, Config(("Input", "App"))) with { ArtifactCredentials = null }, _ => null, FailureType.PermissionError, "credentials"),
        // Invalid configuration values.
        new("config-blank-required", t => Data(t, Config(("Target", "   "))), _ => null, FailureType.ConfigurationError, "'Target' is required"),
        new("config-url-not-http", t => Data(t, Config(("Target", "file:///etc/passwd"))), _ => null, FailureType.ConfigurationError, "'Target' must be an absolute http or https URL"),
        new("config-url-script", t => Data(t, Config(("Target", "javascript:alert(1)"))), _ => null, FailureType.ConfigurationError, "'Target' must be an absolute http or https URL"),
        // A long URL is still a URL (CodePipeline itself caps configuration values at 1000 characters).
        new("config-url-oversized", t => Data(t, Config(("Target", "http://127.0.0.1/" + new string('a', 70_000)))), _ => null, null, string.Empty),
        new("config-int-not-a-number", t => Data(t, Config(("Rate", "ten"))), _ => null, FailureType.ConfigurationError, "'Rate' must be a whole number such as 10, got 'ten'."),
        new("config-int-overflow", t => Data(t, Config(("Rate", "99999999999999999999"))), _ => null, FailureType.ConfigurationError, "'Rate' must be a whole number"),
        new("config-int-oversized", t => Data(t, Config(("Rate", new string('9', 100_000)))), _ => null, FailureType.ConfigurationError, "'Rate' must be a whole number"),
        new("config-duration-garbage", t => Data(t, Config(("Duration", "soon"))), _ => null, FailureType.ConfigurationError, "'Duration' must be a duration such as 30s or 5m, got 'soon'."),
        new("config-duration-negative", t => Data(t, Config(("Duration", "-5m"))), _ => null, FailureType.ConfigurationError, "'Duration' must be a duration"),
        new("config-bool-yes", t => Data(t, Config(("Verbose", "yes"))), _ => null, FailureType.ConfigurationError, "'Verbose' must be true or false, got 'yes'."),
        // Continuation tokens (tampered, truncated, foreign, unknown key, future version: JobRunnerTokenTests).
        new("token-oversized", Data, k => k.Good + new string('A', 3000), FailureType.JobFailed, "altered or truncated"),
        new("token-empty", Data, _ => string.Empty, FailureType.JobFailed, "not a Baton token"),
        new("token-prefix-only", Data, _ => "bt1.", FailureType.JobFailed, "too short for a sealed envelope"),
        new("token-not-base64url", Data, _ => "bt1.!!!!$$$$****", FailureType.JobFailed, "not valid base64url"),
        new("token-bit-flipped-in-tag", Data, k => CorpusTokens.WithBody(k.Good, b => Flip(b, b.Length - 1)), FailureType.JobFailed, "AES-GCM tag mismatch"),
        new("token-key-id-zeroed", Data, k => CorpusTokens.WithBody(k.Good, b => Set(b, 0, 0)), FailureType.JobFailed, "key id 0"),
        new("token-envelope-step-zero", Data, k => k.Sealed(new ContinuationEnvelope { State = "s", OriginJobId = Origin, Step = 0, StartedAt = RunnerHarness.Start }), FailureType.JobFailed, "lacks the version, origin job id or step"),
        new("token-envelope-no-origin", Data, k => k.Sealed(new ContinuationEnvelope { State = "s", OriginJobId = string.Empty, Step = 2, StartedAt = RunnerHarness.Start }), FailureType.JobFailed, "lacks the version, origin job id or step"),
        new("token-json-state", Data, _ => "{\"state\":\"x\"}", FailureType.JobFailed, "not a Baton token"),
        // Input artifacts (UnsafeInputArtifactTests proves the same rules on the extractor alone).
        new("artifact-path-traversal", ArtifactJob, _ => null, FailureType.JobFailed, "entry '../escape.txt'") { InputZip = TestZips.Create(("ok.txt", "fine"), ("../escape.txt", "pwned")) },
        new("artifact-absolute-path", ArtifactJob, _ => null, FailureType.JobFailed, "entry '/etc/cron.d/evil'") { InputZip = TestZips.Create(("/etc/cron.d/evil", "pwned")) },
        new("artifact-symlink", ArtifactJob, _ => null, FailureType.JobFailed, "symbolic link") { InputZip = TestZips.Build(a => TestZips.Add(a, "config", "/etc/passwd"u8.ToArray(), TestZips.SymbolicLinkAttributes)) },
        new("artifact-bomb-ratio", ArtifactJob, _ => null, FailureType.JobFailed, "MaxCompressionRatio") { InputZip = TestZips.Build(a => TestZips.Add(a, "bomb.bin", new byte[4 * 1024 * 1024])), Caps = o => o.MaxCompressionRatio = 100 },
        new("artifact-bomb-size", ArtifactJob, _ => null, FailureType.JobFailed, "more than 1000 bytes") { InputZip = TestZips.Build(a => { TestZips.Add(a, "a.bin", TestZips.RandomBytes(600, 1)); TestZips.Add(a, "b.bin", TestZips.RandomBytes(600, 2)); }), Caps = o => o.MaxExtractedBytes = 1000 },
        new("artifact-bomb-count", ArtifactJob, _ => null, FailureType.JobFailed, "4 entries, more than the limit of 3") { InputZip = TestZips.Create(("1", "a"), ("2", "b"), ("3", "c"), ("4", "d")), Caps = o => o.MaxEntryCount = 3 },
        new("artifact-not-a-zip", ArtifactJob, _ => null, FailureType.JobFailed, "is not a ZIP file") { InputZip = Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n") },
        new("artifact-truncated-zip", ArtifactJob, _ => null, FailureType.JobFailed, "is not a ZIP file") { InputZip = TestZips.Create(("a.txt", "hello"))[..20] },
        new("artifact-object-missing", ArtifactJob, _ => null, FailureType.RevisionUnavailable, "App"),
        new("artifact-credentials-expired", ArtifactJob, _ => null, FailureType.PermissionError, "expired") { InputZip = TestZips.Create(("a.txt", "hello")), S3Error = "ExpiredToken" },
    }.ToDictionary(c => c.Name);

    public static JobData Data(string? token) => Data(token, Config());

    public static JobData Data(string? token, Dictionary<string, string> configuration) =>
        RunnerHarness.Data(token, configuration) with { ArtifactCredentials = ArtifactTestBed.JobCredentials };

    private static JobData ArtifactJob(string? token) => Data(token, Config(("Input", "App"))) with
    {
        InputArtifacts =
        [
            new Artifact
            {
                Name = "App",
                Revision = "r1",
                Location = new ArtifactLocation { Type = "S3", S3Location = new S3ArtifactLocation { BucketName = ArtifactS3Host.Bucket, ObjectKey = "corpus/app.zip" } },
            },
        ],
    };

    private static Dictionary<string, string> Config(params (string Key, string Value)[] overrides)
    {
        var configuration = new Dictionary<string, string> { ["Target"] = "http://127.0.0.1:8080/health" };
        foreach (var (key, value) in overrides)
        {
            configuration[key] = value;
        }

        return configuration;
    }

    private static byte[] Flip(byte[] bytes, int index) => Set(bytes, index, (byte)(bytes[index] ^ 0x01));

    private static byte[] Set(byte[] bytes, int index, byte value)
    {
        bytes[index] = value;
        return bytes;
    }
}
