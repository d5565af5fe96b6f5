namespace Baton.CodePipeline.Model;

/// <summary>
/// A constraint of the service model on a wire record member, as the model states it on the
/// member's target shape: <c>min</c>/<c>max</c> (a string's length, a list's or map's count, or a
/// number's value), <c>pattern</c> (a regular expression the whole string must match) and
/// <c>enum</c> (the allowed string values).
/// </summary>
/// <remarks>
/// Use one attribute per <see cref="ConstraintTarget"/> level. Unset bounds stay at
/// <see cref="long.MinValue"/> / <see cref="long.MaxValue"/>.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
public sealed class ConstraintAttribute : Attribute
{
    /// <summary>The level of the value the constraint applies to.</summary>
    public ConstraintTarget Target { get; set; } = ConstraintTarget.Value;

    /// <summary>The model's <c>min</c>, or <see cref="long.MinValue"/> when the model states none.</summary>
    public long Min { get; set; } = long.MinValue;

    /// <summary>The model's <c>max</c>, or <see cref="long.MaxValue"/> when the model states none.</summary>
    public long Max { get; set; } = long.MaxValue;

    /// <summary>The model's <c>pattern</c>, or <see langword="null"/>.</summary>
    public string? Pattern { get; set; }

    /// <summary>The model's <c>enum</c> values, or <see langword="null"/>.</summary>
    public string[]? Enum { get; set; }

    /// <summary>Whether the model states a <c>min</c>.</summary>
    public bool HasMin => Min != long.MinValue;

    /// <summary>Whether the model states a <c>max</c>.</summary>
    public bool HasMax => Max != long.MaxValue;
}
