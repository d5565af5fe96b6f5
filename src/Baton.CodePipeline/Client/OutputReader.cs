using System.Text.Json;
using Baton.CodePipeline.Json;

namespace Baton.CodePipeline.Client;

/// <summary>Reads the body of a successful response into the operation's output record.</summary>
internal static class OutputReader
{
    /// <summary>Reads an operation's output; an empty body is an empty output, as the awsJson protocol allows.</summary>
    public static async Task<TResponse> ReadAsync<TResponse>(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        try
        {
            var output = bytes.Length == 0
                ? JsonSerializer.Deserialize("{}"u8, CodePipelineJson.TypeInfo<TResponse>())
                : JsonSerializer.Deserialize(bytes, CodePipelineJson.TypeInfo<TResponse>());
            return output ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"CodePipeline {operation} answered HTTP {(int)response.StatusCode} with a body that is not a valid {typeof(TResponse).Name}: {exception.Message}",
                exception);
        }
    }

    /// <summary>Drains the body of an operation without output (an empty body or <c>{}</c>).</summary>
    public static async Task<bool> DiscardAsync(string operation, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return true;
    }
}
