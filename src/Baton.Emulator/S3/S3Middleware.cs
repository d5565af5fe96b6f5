using System.Security.Cryptography;
using Baton.Emulator.S3.Auth;
using Baton.Emulator.S3.Handlers;
using Microsoft.AspNetCore.Http.Features;
using static Baton.Emulator.S3.S3Xml;

namespace Baton.Emulator.S3;

/// <summary>
/// Serves the S3 API on the emulator's port. Claims only S3 requests (the rule is on
/// <see cref="S3Routing"/>) and passes everything else on. Every answer carries
/// <c>x-amz-request-id</c>; every failure is an S3 XML error, never an HTML page.
/// </summary>
internal sealed class S3Middleware(
    S3Authenticator authenticator,
    IS3RequestAuthorizer authorizer,
    S3Dispatcher dispatcher,
    ILogger<S3Middleware> logger) : IMiddleware
{
    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (!S3Routing.IsS3Request(context))
        {
            await next(context);
            return;
        }

        var requestId = Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        context.Response.Headers["x-amz-request-id"] = requestId;
        context.Response.Headers["x-amz-id-2"] = requestId;
        context.Response.Headers.Server = "Baton";

        // Objects may be up to MaxObjectSize; the upload stream enforces that limit with S3's error.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        var (bucket, key) = (default(string), default(string));
        var resource = "/";
        try
        {
            (bucket, key) = S3Routing.ResolveTarget(context);
            resource = Resource(bucket, key);
            var request = context.Request;
            var operation = S3OperationResolver.Resolve(request.Method, bucket, key, request.Query, request.Headers.ContainsKey("x-amz-copy-source"));
            var caller = authenticator.Authenticate(context);
            var decision = new S3AuthorizationRequest(caller.AccessKeyId, caller.Verified, operation, bucket, key);
            if (!await authorizer.AuthorizeAsync(decision, context.RequestAborted))
            {
                throw S3Errors.AccessDenied(operation.ToString());
            }

            await dispatcher.DispatchAsync(new S3RequestContext(context, operation, bucket, key, caller));
            Log.RequestHandled(logger, operation, bucket, key, context.Response.StatusCode);
        }
        catch (Exception exception) when (context.RequestAborted.IsCancellationRequested && exception is OperationCanceledException or IOException)
        {
            Log.ClientWentAway(logger, context.Request.Method, resource);
        }
        catch (S3Exception exception)
        {
            await FailAsync(context, exception, resource, requestId);
        }
        catch (BadHttpRequestException exception)
        {
            // Kestrel's own framing errors: a body shorter than its Content-Length, a bad chunked encoding.
            var error = exception.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? S3Errors.EntityTooLarge(0)
                : S3Errors.IncompleteBody(exception.Message);
            await FailAsync(context, error, resource, requestId);
        }
        catch (Exception exception)
        {
            Log.RequestCrashed(logger, context.Request.Method, resource, requestId, exception);
            await FailAsync(context, new S3Exception(), resource, requestId);
        }
    }

    private async Task FailAsync(HttpContext context, S3Exception error, string resource, string requestId)
    {
        Log.RequestFailed(logger, context.Request.Method, resource, error.StatusCode, error.Code, error.Message);
        if (context.Response.HasStarted)
        {
            // Part of a body has gone out; only breaking the connection tells the client.
            context.Abort();
            return;
        }

        var headers = context.Response.Headers;
        foreach (var name in headers.Keys.Where(n => n is not ("x-amz-request-id" or "x-amz-id-2" or "Server")).ToList())
        {
            headers.Remove(name);
        }

        if (HttpMethods.IsHead(context.Request.Method))
        {
            // A HEAD answer has no body; the SDKs read the error from the status code.
            context.Response.StatusCode = error.StatusCode;
            return;
        }

        await WriteAsync(
            context.Response,
            new System.Xml.Linq.XElement(
                "Error",
                new System.Xml.Linq.XElement("Code", error.Code),
                new System.Xml.Linq.XElement("Message", error.Message),
                new System.Xml.Linq.XElement("Resource", resource),
                new System.Xml.Linq.XElement("RequestId", requestId)),
            error.StatusCode);
    }

    private static string Resource(string? bucket, string? key) => "/" + bucket + (key is null ? string.Empty : "/" + key);
}
