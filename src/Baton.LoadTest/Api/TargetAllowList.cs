using System.Net;

namespace Baton.LoadTest.Api;

/// <summary>
/// Which hosts the service may load: CIDR ranges (<c>10.1.0.0/16</c>), single addresses and host
/// names (matched by name, case-insensitively; names are not resolved, so allow a name only when
/// its DNS is trusted). Loopback only by default: <c>127.0.0.0/8</c>, <c>::1</c>, <c>localhost</c>.
/// The engine never follows redirects, so a target cannot bounce the load to a host not listed here.
/// </summary>
public sealed class TargetAllowList
{
    private readonly List<IPNetwork> _networks = [];
    private readonly HashSet<string> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the list.</summary>
    /// <param name="entries">CIDR ranges, addresses or host names.</param>
    /// <exception cref="FormatException">An entry is none of these; the message names it.</exception>
    public TargetAllowList(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = [.. entries.Select(e => e.Trim()).Where(e => e.Length > 0)];
        foreach (var entry in Entries)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                _networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else if (Uri.CheckHostName(entry) == UriHostNameType.Dns)
            {
                _hosts.Add(entry);
            }
            else
            {
                throw new FormatException($"Allowed target '{entry}' is not a CIDR range (10.0.0.0/8), an IP address or a host name.");
            }
        }
    }

    /// <summary>The default entries: loopback only.</summary>
    public static IReadOnlyList<string> LoopbackOnly { get; } = ["127.0.0.0/8", "::1", "localhost"];

    /// <summary>The entries as given.</summary>
    public IReadOnlyList<string> Entries { get; }

    /// <summary>Whether the URL's host is allowed.</summary>
    /// <param name="url">An absolute URL.</param>
    /// <returns>True when the host is in a listed range or is a listed name.</returns>
    public bool IsAllowed(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var host = url.DnsSafeHost;
        if (IPAddress.TryParse(host, out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            return _networks.Any(n => n.Contains(address));
        }

        return _hosts.Contains(host.TrimEnd('.'));
    }

    /// <summary>The entries for messages, e.g. <c>127.0.0.0/8, ::1, localhost</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => string.Join(", ", Entries);
}
