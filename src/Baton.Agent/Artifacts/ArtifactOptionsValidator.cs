using Microsoft.Extensions.Options;

namespace Baton.Agent.Artifacts;

/// <summary>
/// The rules of <see cref="ArtifactOptions"/> that data annotations cannot state: the endpoint is
/// an absolute http(s) URL and the work directory is a usable path.
/// </summary>
public sealed class ArtifactOptionsValidator : IValidateOptions<ArtifactOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ArtifactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.ServiceUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            failures.Add($"{ArtifactOptions.SectionName}:ServiceUrl '{url}' must be an absolute http:// or https:// URL, for example http://127.0.0.1:4599.");
        }

        if (string.IsNullOrWhiteSpace(options.WorkDirectory) || options.WorkDirectory.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            failures.Add($"{ArtifactOptions.SectionName}:WorkDirectory '{options.WorkDirectory}' is not a valid directory path.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
