using System.Net;

namespace Baton.Cli.Commands.LoadTest;

/// <summary>
/// Keeps <c>baton loadtest run</c> on this machine by default. Load is real traffic; aimed at a
/// system one does not own it is a denial-of-service attack, so a target elsewhere must be asked
/// for explicitly (<c>--allow-any-target</c>). Names are not resolved: only <c>localhost</c> and
/// loopback addresses (127.0.0.0/8, ::1) pass, so a name that happens to resolve locally today
/// cannot later point the load elsewhere.
/// </summary>
internal static class TargetGuard
{
    public static bool IsLoopback(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (url.IsLoopback && string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }
}
