namespace Baton.CodePipeline.Model;

/// <summary>Which level of a member's value a <see cref="ConstraintAttribute"/> applies to.</summary>
public enum ConstraintTarget
{
    /// <summary>The member's own value: a string's length, a list's or map's count, a number's value.</summary>
    Value,

    /// <summary>Each element of a list member.</summary>
    ListMember,

    /// <summary>Each key of a map member.</summary>
    MapKey,

    /// <summary>Each value of a map member.</summary>
    MapValue,
}
