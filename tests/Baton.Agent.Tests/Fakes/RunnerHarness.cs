using Baton.Agent.Artifacts;
using Baton.Agent.Continuation;
using Baton.Agent.Jobs;
using Baton.Agent.Options;
using Baton.Agent.Runner;
using Baton.Agent.Telemetry;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Baton.Agent.Tests.Fakes;

/// <summary>A <see cref="JobRunner"/> wired to fakes: a fake port, handler and journal, and fake time.</summary>
internal sealed class RunnerHarness
{
    public const string AgentId = "agent-test";

    public static readonly DateTimeOffset Start = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public RunnerHarness(ContinuationKeyRing? keys = null)
    {
        Keys = keys ?? ContinuationKeyRing.Single(TestKeys.Key(1));
        Codec = new ContinuationCodec(Keys);
        Jobs = new FakeJobService(Events);
        Handler = new FakeHandler(Events);
        Journal = new RecordingJournal(Events);
    }

    public EventLog Events { get; } = new();

    public FakeTimeProvider Time { get; } = new(Start);

    public ContinuationKeyRing Keys { get; }

    public ContinuationCodec Codec { get; }

    public FakeJobService Jobs { get; }

    public FakeHandler Handler { get; }

    public RecordingJournal Journal { get; }

    public FakeLogger<JobRunner> Logger { get; } = new();

    public AgentTelemetry Telemetry { get; } = new();

    public JobRunner CreateRunner(JobArtifactsFactory? artifacts = null) => new(
        Jobs,
        Handler,
        Codec,
        Journal,
        Telemetry,
        Time,
        Microsoft.Extensions.Options.Options.Create(new AgentOptions { AgentId = AgentId, StateDirectory = Path.GetTempPath() }),
        Logger,
        artifacts);

    public static PolledJob CustomJob(string? token = null, string? jobId = null, IReadOnlyDictionary<string, string>? configuration = null) =>
        new(new JobReference(jobId ?? NewJobId(), IsThirdParty: false), "1", Data(token, configuration));

    public static PolledJob ThirdPartyJob(string? token = null) =>
        new(new JobReference(NewJobId(), IsThirdParty: true, NewJobId()), Data: Data(token, null));

    public static JobData Data(string? token, IReadOnlyDictionary<string, string>? configuration) => new()
    {
        ActionTypeId = new ActionTypeId { Category = "Test", Owner = "Custom", Provider = "BatonTest", Version = "1" },
        ActionConfiguration = new ActionConfiguration { Configuration = configuration ?? new Dictionary<string, string> { ["Target"] = "http://127.0.0.1/" } },
        PipelineContext = new PipelineContext
        {
            PipelineName = "web",
            Stage = new StageContext { Name = "Test" },
            Action = new ActionContext { Name = "LoadTest", ActionExecutionId = "ae-1" },
            PipelineExecutionId = "pe-1",
        },
        InputArtifacts = [new Artifact { Name = "App", Revision = "r1", Location = new ArtifactLocation { Type = "S3", S3Location = new S3ArtifactLocation { BucketName = "b", ObjectKey = "k/in" } } }],
        ContinuationToken = token,
    };

    public static string NewJobId() => Guid.NewGuid().ToString();

    /// <summary>Seals a continuation token as a previous step of the same action execution would have.</summary>
    public string Token(
        string? state,
        int step = 2,
        string originJobId = "11111111-1111-1111-1111-111111111111",
        string? externalExecutionId = "ext-42",
        DateTimeOffset? notBefore = null) =>
        Codec.Seal(new ContinuationEnvelope
        {
            State = state,
            Step = step,
            OriginJobId = originJobId,
            ExternalExecutionId = externalExecutionId,
            StartedAt = Start.AddMinutes(-10),
            NotBefore = notBefore,
        });
}
