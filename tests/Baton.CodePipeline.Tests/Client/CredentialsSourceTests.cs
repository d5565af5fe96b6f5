using Amazon.Runtime;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Client;

public class CredentialsSourceTests
{
    [Fact]
    public async Task For_FixedCredentials_ReturnsThem()
    {
        var fixedCredentials = new AwsCredentials("AKIDFIXED", "fixed-secret");

        var source = CredentialsSource.For(new CodePipelineClientOptions { Credentials = fixedCredentials });

        Assert.Same(fixedCredentials, await source(CancellationToken.None));
    }

    [Fact]
    public async Task For_Provider_IsAskedEveryTime()
    {
        var asked = 0;
        var source = CredentialsSource.For(new CodePipelineClientOptions
        {
            CredentialsProvider = _ => ValueTask.FromResult(new AwsCredentials($"AKID{Interlocked.Increment(ref asked)}", "s")),
        });

        Assert.Equal("AKID1", (await source(CancellationToken.None)).AccessKeyId);
        Assert.Equal("AKID2", (await source(CancellationToken.None)).AccessKeyId);
    }

    [Fact]
    public void ToSigningCredentials_SessionCredentials_KeepTheToken()
    {
        var mapped = CredentialsSource.ToSigningCredentials(new ImmutableCredentials("ASIAX", "secret", "token"));

        Assert.Equal(new AwsCredentials("ASIAX", "secret", "token"), mapped);
    }

    [Fact]
    public void ToSigningCredentials_LongTermKeys_HaveNoToken()
    {
        var mapped = CredentialsSource.ToSigningCredentials(new ImmutableCredentials("AKIAX", "secret", ""));

        Assert.Null(mapped.SessionToken);
    }
}
