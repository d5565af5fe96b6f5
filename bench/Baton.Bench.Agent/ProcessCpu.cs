using System.Globalization;

namespace Baton.Bench.Agent;

/// <summary>
/// CPU time (user + system) a process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>. CPU per
/// job step hardly depends on other load on the machine, unlike rates.
/// </summary>
internal static class ProcessCpu
{
    // USER_HZ: the unit of utime and stime in /proc/<pid>/stat; 100 on Linux for x86 and arm.
    private const double TicksPerSecond = 100;

    /// <summary>The process's CPU seconds, or 0 when <paramref name="pid"/> is 0 or gone.</summary>
    public static double Seconds(int pid)
    {
        var path = $"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat";
        if (pid <= 0 || !File.Exists(path))
        {
            return 0;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count fields after it.
        var stat = File.ReadAllText(path);
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }
}
