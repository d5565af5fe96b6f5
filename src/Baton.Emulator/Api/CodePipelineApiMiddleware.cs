using System.Text.Json;
using Baton.CodePipeline;
using Baton.CodePipeline.Json;
using Baton.CodePipeline.Validation;
using Baton.Emulator.Admin;
using Baton.Emulator.Engine;
using Baton.Emulator.Faults;
using Baton.Emulator.Hosting;

namespace Baton.Emulator.Api;

/// <summary>
/// Serves the CodePipeline JSON 1.1 API: <c>POST /</c> with an <c>X-Amz-Target</c> header. Steps:
/// read the body (size-capped) → verify the signature → find the operation → count it → inject a
/// configured fault → read the JSON → check the model's constraints → run the engine → answer.
/// Every answer carries <c>x-amzn-RequestId</c>; bad input is always a 4xx with a specific message.
/// Other requests pass to the next middleware (the S3 API).
/// </summary>
internal sealed class CodePipelineApiMiddleware(
    RequestDelegate next,
    PipelineEngine engine,
    RequestAuthenticator authenticator,
    EmulatorMetrics metrics,
    FaultInjector faults,
    EmulatorOptions options,
    EmulatorRandom random,
    TimeProvider time,
    ILogger<CodePipelineApiMiddleware> logger)
{
    private const string TargetHeader = "X-Amz-Target";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsCodePipelineRequest(context.Request))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        context.Response.Headers[CodePipelineProtocol.RequestIdHeader] = random.NewId();
        var operation = "(unknown)";
        try
        {
            var body = await RequestBody.ReadAsync(context.Request, options.MaxRequestBodyBytes, context.RequestAborted).ConfigureAwait(false);
            var authError = authenticator.Authenticate(context, body);
            if (authError is not null)
            {
                throw authError;
            }

            var target = context.Request.Headers[TargetHeader].ToString();
            var descriptor = ResolveOperation(target);
            operation = descriptor.Name;
            metrics.CountCall(operation);
            if (await InjectFaultAsync(context, operation).ConfigureAwait(false))
            {
                return;
            }

            var request = Read(body, descriptor);
            var validation = WireValidator.Validate(request);
            if (!validation.IsValid)
            {
                throw ApiError.Validation(validation.Message);
            }

            var response = await OperationTable.Invokers[operation](engine, request, context.RequestAborted).ConfigureAwait(false);
            await ApiResponses.WriteAsync(context, descriptor.ResponseType, response).ConfigureAwait(false);
        }
        catch (CodePipelineServiceException error)
        {
            metrics.CountError(operation, error.ErrorCode);
            Log.ErrorAnswered(logger, operation, error.ErrorCode, (int)error.StatusCode);
            await ApiResponses.WriteErrorAsync(context, (int)error.StatusCode, error.ErrorCode, error.Message).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
        }
#pragma warning disable CA1031 // The last line of defence: any bug becomes a logged 500, never a dropped connection.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            var failure = ApiError.InternalFailure();
            metrics.CountError(operation, failure.ErrorCode);
            Log.UnexpectedFailure(logger, exception, operation);
            await ApiResponses.WriteErrorAsync(context, StatusCodes.Status500InternalServerError, failure.ErrorCode, failure.Message).ConfigureAwait(false);
        }
    }

    private static bool IsCodePipelineRequest(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path == "/"
        && (request.Headers.ContainsKey(TargetHeader)
            || request.ContentType?.StartsWith(CodePipelineProtocol.ContentType, StringComparison.OrdinalIgnoreCase) == true);

    private static OperationDescriptor ResolveOperation(string target)
    {
        var prefix = CodePipelineProtocol.TargetPrefix + ".";
        if (string.IsNullOrEmpty(target))
        {
            throw ApiError.UnknownOperation(null);
        }

        return target.StartsWith(prefix, StringComparison.Ordinal)
            && CodePipelineOperations.TryGet(target[prefix.Length..], out var descriptor)
            && OperationTable.Invokers.ContainsKey(descriptor.Name)
            ? descriptor
            : throw ApiError.UnknownOperation(target);
    }

    private static object Read(byte[] body, OperationDescriptor descriptor)
    {
        var json = body.AsSpan().Trim(" \t\r\n"u8);
        try
        {
            return JsonSerializer.Deserialize(json.IsEmpty ? "{}"u8 : json, CodePipelineJson.Options.GetTypeInfo(descriptor.RequestType))
                ?? throw ApiError.Serialization($"The request body of {descriptor.Name} is the JSON literal null; send a JSON object ({{}} when there is no input).");
        }
        catch (JsonException exception) when (MissingRequiredValue(exception) is { } path)
        {
            // A required number, boolean or timestamp has no null to read: AWS reports it like any missing member.
            throw ApiError.Validation($"1 validation error detected: Value null at '{path}' failed to satisfy constraint: Member must not be null");
        }
        catch (JsonException exception)
        {
            var where = string.IsNullOrEmpty(exception.Path) || exception.Path == "$"
                ? "The request body is not a JSON object"
                : $"The value at '{exception.Path}' does not have the type the {descriptor.Name} input requires";
            throw ApiError.Serialization(
                $"{where} (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1}); send the {descriptor.Name} input as JSON with the member types of the service model.");
        }
    }

    // System.Text.Json names the first missing member ("... missing required properties including: 'key'.")
    // and the path of its object ("$.configurationProperties[0]"); AWS writes "configurationProperties.1.member.key".
    private static string? MissingRequiredValue(JsonException exception)
    {
        const string Marker = "missing required properties including: '";
        var at = exception.Message.IndexOf(Marker, StringComparison.Ordinal);
        var end = at < 0 ? -1 : exception.Message.IndexOf('\'', at + Marker.Length);
        if (end < 0)
        {
            return null;
        }

        var parts = new List<string>();
        foreach (var segment in (exception.Path ?? "$").TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            parts.Add(bracket < 0 ? segment : segment[..bracket]);
            for (; bracket >= 0; bracket = segment.IndexOf('[', bracket + 1))
            {
                var close = segment.IndexOf(']', bracket);
                if (close < 0 || !int.TryParse(segment[(bracket + 1)..close], System.Globalization.CultureInfo.InvariantCulture, out var index))
                {
                    return null;
                }

                parts.Add((index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
                parts.Add("member");
            }
        }

        parts.Add(exception.Message[(at + Marker.Length)..end]);
        return string.Join('.', parts.Where(p => p.Length > 0));
    }

    private async Task<bool> InjectFaultAsync(HttpContext context, string operation)
    {
        var fault = faults.Decide(operation);
        if (fault is null)
        {
            return false;
        }

        Log.FaultInjected(logger, fault.Kind, operation);
        switch (fault.Kind)
        {
            case FaultKind.Latency:
                await Task.Delay(fault.Latency, time, context.RequestAborted).ConfigureAwait(false);
                return false;
            case FaultKind.DropConnection:
                metrics.CountError(operation, "DroppedConnection");
                context.Abort();
                return true;
            case FaultKind.Throttling:
                throw ApiError.Throttling();
            case FaultKind.ServiceUnavailable:
                throw ApiError.ServiceUnavailable();
            default:
                throw ApiError.InternalFailure();
        }
    }
}
