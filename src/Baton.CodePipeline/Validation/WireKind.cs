namespace Baton.CodePipeline.Validation;

/// <summary>The model type kind a wire record property represents, derived from its CLR type.</summary>
internal enum WireKind
{
    /// <summary>A model <c>string</c>: <see cref="string"/>.</summary>
    String,

    /// <summary>A model <c>integer</c> or <c>long</c>: <see cref="int"/>, <see cref="long"/> and the smaller integers.</summary>
    Integer,

    /// <summary>A model <c>boolean</c>: <see cref="bool"/>.</summary>
    Boolean,

    /// <summary>A model <c>timestamp</c>: <see cref="DateTimeOffset"/> or <see cref="DateTime"/>.</summary>
    Timestamp,

    /// <summary>A model <c>list</c>: any <see cref="IEnumerable{T}"/> that is not a string or a map.</summary>
    List,

    /// <summary>A model <c>map</c>: an <see cref="IReadOnlyDictionary{TKey, TValue}"/> or <see cref="IDictionary{TKey, TValue}"/>.</summary>
    Map,

    /// <summary>A model <c>structure</c>: a record walked member by member.</summary>
    Structure,

    /// <summary>Anything else (blobs, doubles): carried but never constrained.</summary>
    Other,
}
