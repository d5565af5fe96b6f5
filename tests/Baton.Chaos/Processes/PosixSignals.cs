using System.Runtime.InteropServices;

namespace Baton.Chaos.Processes;

/// <summary>Sends POSIX signals; .NET can kill a process (SIGKILL) but not ask it to stop (SIGTERM).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to <paramref name="processId"/>.</summary>
    /// <param name="processId">The process.</param>
    /// <returns>Whether the signal was delivered.</returns>
    public static bool Terminate(int processId) => Kill(processId, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
