using System.Collections;

namespace Baton.Agent.Artifacts;

/// <summary>
/// The input or output artifacts of a job, by name. Asking for a name the action does not declare
/// is a configuration error whose message lists the names it does declare.
/// </summary>
/// <typeparam name="T"><see cref="InputArtifact"/> or <see cref="OutputArtifact"/>.</typeparam>
public sealed class ArtifactCollection<T> : IReadOnlyCollection<T>
    where T : class
{
    private readonly IReadOnlyList<T> _artifacts;
    private readonly Func<T, string> _name;
    private readonly string _kind;

    internal ArtifactCollection(IReadOnlyList<T> artifacts, Func<T, string> name, string kind)
    {
        _artifacts = artifacts;
        _name = name;
        _kind = kind;
    }

    /// <inheritdoc />
    public int Count => _artifacts.Count;

    /// <summary>The artifact names, in the order CodePipeline sent them.</summary>
    public IEnumerable<string> Names => _artifacts.Select(_name);

    /// <summary>The artifact with this name.</summary>
    /// <param name="name">The artifact name from the pipeline declaration (case-sensitive).</param>
    /// <exception cref="ArtifactException">The action has no artifact of that name (<c>ConfigurationError</c>).</exception>
    public T this[string name] => TryGet(name, out var artifact) ? artifact : throw Unknown(name);

    /// <summary>Finds the artifact with this name.</summary>
    /// <param name="name">The artifact name (case-sensitive).</param>
    /// <param name="artifact">The artifact, when found.</param>
    /// <returns>Whether the action has an artifact of that name.</returns>
    public bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out T? artifact)
    {
        artifact = _artifacts.FirstOrDefault(a => string.Equals(_name(a), name, StringComparison.Ordinal));
        return artifact is not null;
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => _artifacts.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private ArtifactException Unknown(string name)
    {
        var available = _artifacts.Count == 0
            ? $"the action has no {_kind} artifacts at all"
            : $"its {_kind} artifacts are {string.Join(", ", Names.Select(n => $"'{n}'"))}";
        return new ArtifactException(ArtifactFailureReason.UnknownArtifact, name,
            $"The job has no {_kind} artifact named '{name}': {available}. Use one of these names, or declare the artifact in the pipeline's {_kind}Artifacts for this action.");
    }
}
