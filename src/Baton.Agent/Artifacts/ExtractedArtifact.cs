namespace Baton.Agent.Artifacts;

/// <summary>What an input artifact extracted to.</summary>
/// <param name="Directory">The full path of the extraction directory.</param>
/// <param name="FileCount">The number of files written.</param>
/// <param name="ExtractedBytes">The number of bytes written, all files together.</param>
public sealed record ExtractedArtifact(string Directory, int FileCount, long ExtractedBytes);
