using System.Globalization;

namespace Baton.CodePipeline.Validation;

/// <summary>The outcome of <see cref="WireValidator.Validate{T}(T)"/>: every violated constraint, in model member order.</summary>
public sealed class ValidationResult
{
    /// <summary>A result with no errors.</summary>
    public static readonly ValidationResult Valid = new([]);

    /// <summary>Creates a result from the errors found.</summary>
    /// <param name="errors">The errors in the order they were found.</param>
    public ValidationResult(IReadOnlyList<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        Errors = errors;
        Message = errors.Count == 0 ? string.Empty : Format(errors);
    }

    /// <summary>Whether no constraint was violated.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every violated constraint.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>
    /// The message of a <c>ValidationException</c> in AWS's wording:
    /// <c>1 validation error detected: Value ... </c> or <c>2 validation errors detected: Value ...; Value ...</c>.
    /// Empty when the request is valid.
    /// </summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : Message;

    private static string Format(IReadOnlyList<ValidationError> errors)
    {
        var count = errors.Count.ToString(CultureInfo.InvariantCulture);
        var noun = errors.Count == 1 ? "error" : "errors";
        return $"{count} validation {noun} detected: " + string.Join("; ", errors);
    }
}
