using Microsoft.Extensions.Options;

namespace Baton.Emulator.S3;

/// <summary>Checks <see cref="S3EmulatorOptions"/> at start-up and names the setting to fix.</summary>
internal sealed class S3EmulatorOptionsValidator : IValidateOptions<S3EmulatorOptions>
{
    public ValidateOptionsResult Validate(string? name, S3EmulatorOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            failures.Add("S3 emulator: Region must be set, for example \"us-east-1\".");
        }

        if (options.MaxObjectSize <= 0)
        {
            failures.Add($"S3 emulator: MaxObjectSize must be positive (was {options.MaxObjectSize}).");
        }

        if (options.MinimumPartSize < 0 || options.MinimumPartSize > options.MaxObjectSize)
        {
            failures.Add($"S3 emulator: MinimumPartSize must be between 0 and MaxObjectSize (was {options.MinimumPartSize}).");
        }

        if (options.VerifySignatures && options.CredentialsLookup is null)
        {
            failures.Add("S3 emulator: VerifySignatures is on but CredentialsLookup is not set; give a lookup from access key id to credentials.");
        }

        if (options.MaxClockSkew <= TimeSpan.Zero)
        {
            failures.Add($"S3 emulator: MaxClockSkew must be positive (was {options.MaxClockSkew}).");
        }

        if (options.DataDirectory is { Length: 0 })
        {
            failures.Add("S3 emulator: DataDirectory is empty; give a directory path or leave it unset for in-memory storage.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
