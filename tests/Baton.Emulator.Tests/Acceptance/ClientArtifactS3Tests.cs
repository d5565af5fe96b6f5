using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Baton.CodePipeline.Model;
using Baton.Emulator.Tests.Infrastructure;

namespace Baton.Emulator.Tests.Acceptance;

/// <summary>
/// Baton's CodePipelineClient works a job while AWSSDK.S3, signing with the job's artifact
/// credentials, moves its artifacts: real HTTP, SigV4 verified, real clock.
/// </summary>
public sealed class ClientArtifactS3Tests : IAsyncLifetime
{
    private const string KeyId = "arn:aws:kms:us-east-1:123456789012:key/baton-acceptance";
    private TestEmulator _emulator = null!;

    public async Task InitializeAsync()
    {
        _emulator = await TestEmulator.StartAsync();
        await _emulator.PutSourceObjectAsync(Pipelines.SourceBucket, Pipelines.SourceKey, "zip bytes of shop");
        await _emulator.Client.CreateCustomActionTypeAsync(Pipelines.LoadTestDefinition());
        foreach (var name in new[] { "shop", "other" })
        {
            var pipeline = Pipelines.SourceThenAction(name, Pipelines.LoadTestType()) with
            {
                ArtifactStore = new ArtifactStore { Type = "S3", Location = Pipelines.ArtifactBucket, EncryptionKey = new EncryptionKey { Id = KeyId, Type = EncryptionKeyType.Kms } },
            };
            await _emulator.Client.CreatePipelineAsync(new CreatePipelineRequest { Pipeline = pipeline });
        }
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task JobArtifactCredentials_WithAwsSdkS3_ReadInputWriteKmsOutputAndAreDeniedOtherPipelinesArtifacts()
    {
        var client = _emulator.Client;
        var executionId = (await client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "shop" })).PipelineExecutionId!;
        await client.StartPipelineExecutionAsync(new StartPipelineExecutionRequest { Name = "other" });
        var jobs = await PollBothAsync();
        var job = jobs.Single(j => j.Data!.PipelineContext!.PipelineName == "shop");
        var otherJob = jobs.Single(j => j.Data!.PipelineContext!.PipelineName == "other");
        await client.AcknowledgeJobAsync(new AcknowledgeJobRequest { JobId = job.Id!, Nonce = job.Nonce! });
        Assert.Equal(KeyId, job.Data!.EncryptionKey!.Id);
        var credentials = job.Data.ArtifactCredentials!;
        using var s3 = CreateS3(new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken));

        var input = job.Data.InputArtifacts![0].Location!.S3Location!;
        using (var download = await s3.GetObjectAsync(input.BucketName, input.ObjectKey))
        using (var reader = new StreamReader(download.ResponseStream))
        {
            Assert.Equal("zip bytes of shop", await reader.ReadToEndAsync());
        }

        var output = job.Data.OutputArtifacts![0].Location!.S3Location!;
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = output.BucketName,
            Key = output.ObjectKey,
            ContentBody = "report of shop",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = job.Data.EncryptionKey.Id,
        });
        var otherInput = otherJob.Data!.InputArtifacts![0].Location!.S3Location!;
        var denied = await Assert.ThrowsAsync<AmazonS3Exception>(() => s3.GetObjectAsync(otherInput.BucketName, otherInput.ObjectKey));
        await client.PutJobSuccessResultAsync(new PutJobSuccessResultRequest { JobId = job.Id!, ExecutionDetails = new ExecutionDetails { Summary = "report uploaded", PercentComplete = 100 } });

        Assert.Equal("AccessDenied", denied.ErrorCode);
        using var admin = CreateS3(new BasicAWSCredentials(TestEmulator.AccessKey, TestEmulator.SecretKey));
        var stored = await admin.GetObjectMetadataAsync(output.BucketName, output.ObjectKey);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, stored.ServerSideEncryptionMethod);
        Assert.Equal(KeyId, stored.ServerSideEncryptionKeyManagementServiceKeyId);
        var execution = await client.GetPipelineExecutionAsync(new GetPipelineExecutionRequest { PipelineName = "shop", PipelineExecutionId = executionId });
        Assert.Equal("Succeeded", execution.PipelineExecution!.Status);
    }

    private async Task<List<Job>> PollBothAsync()
    {
        var jobs = new List<Job>();
        for (var attempt = 0; attempt < CliPipelineSteps.MaxPolls && jobs.Count < 2; attempt++)
        {
            jobs.AddRange((await _emulator.Client.PollForJobsAsync(new PollForJobsRequest { ActionTypeId = Pipelines.LoadTestType(), MaxBatchSize = 2 })).Jobs!);
        }

        Assert.Equal(2, jobs.Count);
        return jobs;
    }

    private AmazonS3Client CreateS3(AWSCredentials credentials) => new(credentials, new AmazonS3Config
    {
        ServiceURL = _emulator.Endpoint.ToString().TrimEnd('/'),
        ForcePathStyle = true,
        AuthenticationRegion = TestEmulator.Region,
        MaxErrorRetry = 0,
    });
}
