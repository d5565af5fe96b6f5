using System.Net;

namespace Baton.Emulator.S3;

/// <summary>S3's naming rules for general purpose buckets.</summary>
public static class BucketNames
{
    private static readonly string[] _reservedPrefixes = ["xn--", "sthree-", "amzn-s3-demo-"];
    private static readonly string[] _reservedSuffixes = ["-s3alias", "--ol-s3", ".mrap", "--x-s3", "--table-s3"];

    /// <summary>Returns why <paramref name="name"/> is not a valid bucket name, or <see langword="null"/> when it is.</summary>
    /// <param name="name">The candidate name.</param>
    public static string? Problem(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63)
        {
            return $"a bucket name must be 3 to 63 characters long (this one has {name.Length}).";
        }

        if (name.Any(c => c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-')))
        {
            return "a bucket name may hold only lower-case letters, digits, dots (.) and hyphens (-).";
        }

        if (!char.IsAsciiLetterOrDigit(name[0]) || !char.IsAsciiLetterOrDigit(name[^1]))
        {
            return "a bucket name must begin and end with a letter or digit.";
        }

        if (name.Contains("..", StringComparison.Ordinal))
        {
            return "a bucket name must not hold two adjacent dots.";
        }

        if (name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out _))
        {
            return "a bucket name must not be formatted as an IP address.";
        }

        if (_reservedPrefixes.FirstOrDefault(p => name.StartsWith(p, StringComparison.Ordinal)) is { } prefix)
        {
            return $"the prefix '{prefix}' is reserved.";
        }

        return _reservedSuffixes.FirstOrDefault(s => name.EndsWith(s, StringComparison.Ordinal)) is { } suffix
            ? $"the suffix '{suffix}' is reserved."
            : null;
    }

    /// <summary>Throws <c>InvalidBucketName</c> when <paramref name="name"/> breaks a rule.</summary>
    /// <param name="name">The candidate name.</param>
    public static void Validate(string name)
    {
        if (Problem(name) is { } problem)
        {
            throw S3Errors.InvalidBucketName(name, problem);
        }
    }
}
