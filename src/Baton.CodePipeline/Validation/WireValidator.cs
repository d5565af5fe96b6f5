namespace Baton.CodePipeline.Validation;

/// <summary>
/// Validates a wire record against the service model's constraints, which the records carry as
/// <see cref="Model.ConstraintAttribute"/>s, and reports violations in the wording of AWS's
/// <c>ValidationException</c>.
/// </summary>
/// <remarks>
/// Checks: required members are present; a string's length, a list's or map's count and a
/// number's value are within <c>min</c>/<c>max</c>; strings match the model's <c>pattern</c> in
/// full and belong to its <c>enum</c>; list elements and map keys and values satisfy their own
/// constraints; nested records are walked. Every error is reported, in model member order.
/// Values of sensitive members are never echoed. Reflection metadata and compiled patterns are
/// cached per type and per pattern; the validator is safe to call from any thread.
/// </remarks>
public static class WireValidator
{
    /// <summary>Validates a request (or any wire record) and its nested records.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="request">The record to validate.</param>
    /// <returns>The errors found; <see cref="ValidationResult.IsValid"/> when there are none.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="request"/> is null.</exception>
    public static ValidationResult Validate<T>(T request)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        var walk = new ValidationWalk();
        walk.Structure(request, string.Empty, sensitive: false);
        return walk.Errors.Count == 0 ? ValidationResult.Valid : new ValidationResult([.. walk.Errors]);
    }
}
