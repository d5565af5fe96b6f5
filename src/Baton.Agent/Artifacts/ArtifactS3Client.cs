using Amazon.Runtime;
using Amazon.S3;
using Baton.CodePipeline.Model;
using Microsoft.Extensions.Logging;

namespace Baton.Agent.Artifacts;

/// <summary>
/// The job's S3 client. Every call goes through <see cref="SendAsync"/>, which re-fetches the
/// job's artifact credentials once when S3 says they expired and turns every S3 failure into an
/// <see cref="ArtifactException"/> that names the artifact, its location and what to check.
/// </summary>
internal sealed class ArtifactS3Client : IDisposable
{
    private static readonly HashSet<string> _expiredCredentialCodes =
        new(["ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId", "InvalidToken", "TokenRefreshRequired"], StringComparer.Ordinal);

    private readonly ArtifactOptions _options;
    private readonly JobArtifactCredentials _credentials;
    private readonly Func<CancellationToken, Task<AWSSessionCredentials>>? _refreshCredentials;
    private readonly ILogger _logger;
    private readonly Lazy<AmazonS3Client> _client;
    private readonly SemaphoreSlim _refreshLock = new(1, 1);

    public ArtifactS3Client(
        ArtifactOptions options,
        Lazy<S3Endpoint> endpoint,
        JobArtifactCredentials credentials,
        Func<CancellationToken, Task<AWSSessionCredentials>>? refreshCredentials,
        ILogger logger)
    {
        _options = options;
        _credentials = credentials;
        _refreshCredentials = refreshCredentials;
        _logger = logger;
        _client = new Lazy<AmazonS3Client>(() => new AmazonS3Client(credentials, CreateConfig(endpoint.Value)));
    }

    /// <summary>Sends one S3 request, retrying it once with re-fetched credentials when S3 says they expired.</summary>
    public async Task<T> SendAsync<T>(S3Call call, Func<IAmazonS3, CancellationToken, Task<T>> send, CancellationToken cancellationToken)
    {
        if (!_credentials.IsAvailable)
        {
            await RefreshAsync(call, "no artifactCredentials in the job", _credentials.Generation, cancellationToken);
        }

        var refreshed = false;
        while (true)
        {
            var generation = _credentials.Generation;
            try
            {
                return await send(_client.Value, cancellationToken);
            }
            catch (AmazonS3Exception ex) when (!refreshed && HaveExpired(ex))
            {
                refreshed = true;
                Log.RefreshingCredentials(_logger, ex.ErrorCode, call.ArtifactName);
                await RefreshAsync(call, ex.ErrorCode, generation, cancellationToken);
            }
            catch (AmazonServiceException ex)
            {
                throw S3Failures.FromService(call, ex, refreshed);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw S3Failures.Unreachable(call, ex);
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or AmazonClientException)
            {
                throw S3Failures.Unreachable(call, ex);
            }
        }
    }

    public void Dispose()
    {
        if (_client.IsValueCreated)
        {
            _client.Value.Dispose();
        }

        _refreshLock.Dispose();
    }

    private bool HaveExpired(AmazonS3Exception ex) =>
        _expiredCredentialCodes.Contains(ex.ErrorCode ?? string.Empty)
        || (ex.ErrorCode == "AccessDenied" && _credentials.Age >= _options.AccessDeniedRefreshAge);

    private async Task RefreshAsync(S3Call call, string why, int failedGeneration, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (_credentials.Generation != failedGeneration && _credentials.IsAvailable)
            {
                return; // another request refreshed them while this one was failing
            }

            if (_refreshCredentials is null)
            {
                throw S3Failures.CannotRefresh(call, why, "this agent was given no way to re-fetch them", null);
            }

            AWSSessionCredentials fresh;
            try
            {
                fresh = await _refreshCredentials(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                throw S3Failures.CannotRefresh(call, why, $"re-fetching them from CodePipeline failed ({ex.Message})", ex);
            }

            _credentials.Replace(fresh ?? throw S3Failures.CannotRefresh(call, why, "CodePipeline returned no artifactCredentials", null));
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private static AmazonS3Config CreateConfig(S3Endpoint endpoint)
    {
        var config = new AmazonS3Config { ForcePathStyle = endpoint.ForcePathStyle };
        if (endpoint.ServiceUrl is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = endpoint.Region;
        }
        else
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(endpoint.Region);
        }

        return config;
    }
}
