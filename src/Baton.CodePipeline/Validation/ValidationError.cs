namespace Baton.CodePipeline.Validation;

/// <summary>
/// One violated constraint, as one clause of AWS's validation message:
/// <c>Value 'x' at 'path' failed to satisfy constraint: Member must ...</c>.
/// </summary>
/// <param name="Path">
/// The member's path on the wire: member names joined with dots, list elements 1-based with
/// <c>.member.</c> (<c>pipeline.stages.2.member.actions.1.member.name</c>), map entries by key
/// (<c>pipeline.artifactStores.us-east-1.member.location</c>).
/// </param>
/// <param name="Value">
/// The offending value as the message shows it, or <see langword="null"/> when the value is null
/// or withheld (see <paramref name="IsValueWithheld"/>).
/// </param>
/// <param name="Constraint">The constraint sentence, for example <c>Member must not be null</c>.</param>
/// <param name="IsValueWithheld">
/// Whether the value is left out of the message (<c>Value at 'path'</c>), as AWS does for maps and
/// sensitive members; lists of structures are withheld too rather than dumped.
/// </param>
public sealed record ValidationError(string Path, string? Value, string Constraint, bool IsValueWithheld = false)
{
    /// <summary>The clause exactly as it appears in the validation message.</summary>
    public override string ToString()
    {
        var value = IsValueWithheld ? "Value" : Value is null ? "Value null" : $"Value '{Value}'";
        return $"{value} at '{Path}' failed to satisfy constraint: {Constraint}";
    }
}
