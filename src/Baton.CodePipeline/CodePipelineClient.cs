using System.Net.Http.Headers;
using Baton.CodePipeline.Client;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Signing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Baton.CodePipeline;

/// <summary>
/// A CodePipeline client over <see cref="HttpClient"/>: each call is one JSON 1.1 request
/// (<c>POST</c>, <c>X-Amz-Target</c>, SigV4), retried on throttling, 5xx and transport failures
/// with full-jitter exponential backoff, and failing with the typed exception of the service's
/// error code. The operation methods are generated in the other part of this class.
/// </summary>
public partial class CodePipelineClient
{
    /// <summary>
    /// The <see cref="Exception.Data"/> key under which a failed call records how many attempts it
    /// made (an <see cref="int"/>), on service and transport exceptions alike.
    /// </summary>
    public const string AttemptsDataKey = "Baton.CodePipeline.Attempts";

    // One signer for all clients: it caches derived signing keys and is thread-safe.
    private static readonly SigV4Signer _signer = new();

    private readonly HttpClient _httpClient;
    private readonly TimeProvider _timeProvider;
    private readonly RetryPolicy _retryPolicy;
    private readonly Func<CancellationToken, ValueTask<AwsCredentials>> _credentials;
    private readonly ILogger _logger;

    /// <summary>
    /// Creates a client; the region and endpoint are resolved at once from the options, the
    /// environment and the shared config file (see <see cref="CodePipelineClientOptions"/>).
    /// </summary>
    /// <param name="httpClient">The HTTP client to send with; not disposed by this client.</param>
    /// <param name="options">The settings; validated here.</param>
    /// <param name="timeProvider">The clock for signing and backoff waits.</param>
    /// <param name="jitter">A source of random numbers in [0, 1) that scales each backoff wait.</param>
    /// <param name="logger">Where retries are logged; optional.</param>
    /// <exception cref="OptionsValidationException">An option is out of range.</exception>
    /// <exception cref="InvalidOperationException">No region is configured, or a configured value is malformed.</exception>
    public CodePipelineClient(
        HttpClient httpClient,
        CodePipelineClientOptions options,
        TimeProvider timeProvider,
        Func<double> jitter,
        ILogger<CodePipelineClient>? logger = null)
        : this(httpClient, options, ResolveEndpoint(options), timeProvider, jitter, logger)
    {
    }

    internal CodePipelineClient(
        HttpClient httpClient,
        CodePipelineClientOptions options,
        CodePipelineEndpoint endpoint,
        TimeProvider timeProvider,
        Func<double> jitter,
        ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(jitter);
        Validate(options);
        _httpClient = httpClient;
        _timeProvider = timeProvider;
        _retryPolicy = new RetryPolicy(options.MaxAttempts, options.BaseDelay, options.MaxDelay, jitter);
        _credentials = CredentialsSource.For(options);
        _logger = logger ?? NullLogger.Instance;
        Endpoint = endpoint;
        Log.EndpointResolved(_logger, endpoint.Url, endpoint.UrlSource, endpoint.Region, endpoint.RegionSource);
    }

    /// <summary>Where requests go and the region they are signed for.</summary>
    public CodePipelineEndpoint Endpoint { get; }

    internal async Task<TResponse> InvokeAsync<TRequest, TResponse>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CodePipelineJson.SerializeToUtf8Bytes(request);
        return await SendWithRetriesAsync(operation, body, OutputReader.ReadAsync<TResponse>, cancellationToken);
    }

    internal Task InvokeAsync<TRequest>(string operation, TRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = CodePipelineJson.SerializeToUtf8Bytes(request);
        return SendWithRetriesAsync(operation, body, OutputReader.DiscardAsync, cancellationToken);
    }

    private async Task<T> SendWithRetriesAsync<T>(
        string operation, byte[] body, Func<string, HttpResponseMessage, CancellationToken, Task<T>> readOutput, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            TimeSpan delay;
            try
            {
                return await SendOnceAsync(operation, body, readOutput, cancellationToken);
            }
            catch (CodePipelineServiceException error)
            {
                error.Data[AttemptsDataKey] = attempt;
                if (!RetryPolicy.IsRetryable(error) || GiveUp(operation, attempt, error.ErrorCode))
                {
                    throw;
                }

                delay = _retryPolicy.Delay(attempt);
                Log.RetryingServiceError(_logger, operation, attempt, _retryPolicy.MaxAttempts, error.ErrorCode,
                    error.StatusCode, error.RequestId, (long)delay.TotalMilliseconds);
            }
            catch (Exception failure) when (RetryPolicy.IsTransportFailure(failure, cancellationToken))
            {
                failure.Data[AttemptsDataKey] = attempt;
                if (GiveUp(operation, attempt, failure.GetType().Name))
                {
                    throw;
                }

                delay = _retryPolicy.Delay(attempt);
                Log.RetryingTransportError(_logger, operation, attempt, _retryPolicy.MaxAttempts, failure.GetType().Name,
                    failure.Message, (long)delay.TotalMilliseconds);
            }

            // Cancellation during the wait surfaces as OperationCanceledException at once.
            await Task.Delay(delay, _timeProvider, cancellationToken);
        }
    }

    private bool GiveUp(string operation, int attempt, string errorCode)
    {
        if (attempt < _retryPolicy.MaxAttempts)
        {
            return false;
        }

        if (_retryPolicy.MaxAttempts > 1)
        {
            Log.AttemptsExhausted(_logger, operation, attempt, errorCode);
        }

        return true;
    }

    private async Task<T> SendOnceAsync<T>(
        string operation, byte[] body, Func<string, HttpResponseMessage, CancellationToken, Task<T>> readOutput, CancellationToken cancellationToken)
    {
        // A new message per attempt: credentials are asked for again (they may have been
        // refreshed) and the signature's date is the attempt's own.
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint.Url);
        request.Content = new ByteArrayContent(body);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(CodePipelineProtocol.ContentType);
        request.Headers.TryAddWithoutValidation("X-Amz-Target", CodePipelineProtocol.Target(operation));
        var credentials = await _credentials(cancellationToken);
        await _signer.SignAsync(request, credentials, Endpoint.Region, CodePipelineProtocol.SigningName, _timeProvider.GetUtcNow(), cancellationToken: cancellationToken);
        using var response = await _httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await ErrorResponseReader.ReadAsync(response, cancellationToken);
        }

        return await readOutput(operation, response, cancellationToken);
    }

    private static CodePipelineEndpoint ResolveEndpoint(CodePipelineClientOptions options)
    {
        Validate(options);
        return CodePipelineEndpointResolver.Resolve(options, ProcessAwsEnvironment.Instance);
    }

    private static void Validate(CodePipelineClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new CodePipelineClientOptionsValidator().Validate(Options.DefaultName, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(CodePipelineClientOptions), result.Failures);
        }
    }
}
