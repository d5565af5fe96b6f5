using System.Runtime.CompilerServices;
using System.Text.Json;
using Baton.CodePipeline.Signing;

namespace Baton.CodePipeline.Tests.Signing;

/// <summary>
/// Locates and reads the AWS SigV4 test suite (shared/spec/sigv4-test-suite): one directory per case
/// with request.txt, context.json and the expected header-* and query-* outputs.
/// </summary>
internal static class SigV4TestSuite
{
    private const string RelativeLocation = "shared/spec/sigv4-test-suite";

    private static readonly Lazy<string> _root = new(Locate);

    public static string Root => _root.Value;

    /// <summary>The case directory names, sorted.</summary>
    public static IReadOnlyList<string> Names() =>
        [.. Directory.GetDirectories(Root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    /// <summary>One theory row per case directory, by name.</summary>
    public static TheoryData<string> CaseNames() => new(Names());

    public static SigV4TestCase Load(string name)
    {
        var directory = Path.Combine(Root, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(directory, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        return new SigV4TestCase(
            name,
            directory,
            new AwsCredentials(
                credentials.GetProperty("access_key_id").GetString()!,
                credentials.GetProperty("secret_access_key").GetString()!,
                credentials.TryGetProperty("token", out var token) ? token.GetString() : null),
            root.GetProperty("region").GetString()!,
            root.GetProperty("service").GetString()!,
            DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            root.GetProperty("normalize").GetBoolean(),
            root.GetProperty("sign_body").GetBoolean(),
            root.TryGetProperty("omit_session_token", out var omit) && omit.GetBoolean(),
            root.GetProperty("expiration_in_seconds").GetInt32());
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? ".";

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BATON_SPEC_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            var candidate = Path.Combine(fromEnvironment, "sigv4-test-suite");
            return Directory.Exists(candidate)
                ? candidate
                : throw new DirectoryNotFoundException(
                    $"BATON_SPEC_DIR is '{fromEnvironment}' but '{candidate}' does not exist; point BATON_SPEC_DIR at the folder holding sigv4-test-suite.");
        }

        // The build output may live outside the checkout (--artifacts-path), so the source folder is tried too.
        string[] starts = [AppContext.BaseDirectory, SourceDirectory(), Environment.CurrentDirectory];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, RelativeLocation);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"The SigV4 test suite was not found: set BATON_SPEC_DIR to the spec folder, or keep '{RelativeLocation}' in a parent of one of: {string.Join(", ", starts)}.");
    }
}

/// <summary>One case of the suite, with its context.json settings.</summary>
internal sealed record SigV4TestCase(
    string Name,
    string Directory,
    AwsCredentials Credentials,
    string Region,
    string Service,
    DateTimeOffset Time,
    bool Normalize,
    bool SignBody,
    bool OmitSessionToken,
    int ExpirationSeconds)
{
    public SigV4SigningOptions Options => new()
    {
        NormalizePath = Normalize,
        AddContentSha256Header = SignBody,
        OmitSessionTokenFromSignature = OmitSessionToken,
    };

    public SigV4VerifierOptions VerifierOptions => new() { Service = Service, Region = Region, Signing = Options };

    public SigV4Request ReadRequest(string file = "request.txt") => RawHttpRequest.Parse(ReadText(file));

    /// <summary>The expected output, without the trailing newline some files have.</summary>
    public string Expected(string file) => ReadText(file).TrimEnd('\n');

    public AwsCredentials? Lookup(string accessKeyId) =>
        accessKeyId == Credentials.AccessKeyId ? Credentials : null;

    private string ReadText(string file) => File.ReadAllText(Path.Combine(Directory, file)).Replace("\r\n", "\n", StringComparison.Ordinal);
}
