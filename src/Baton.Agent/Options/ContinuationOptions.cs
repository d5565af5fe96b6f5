using System.ComponentModel.DataAnnotations;

namespace Baton.Agent.Options;

/// <summary>
/// The keys that seal continuation tokens (<c>Baton:Agent:Continuation</c>). Several replicas must
/// share the same keys. Without keys, a single agent generates one and keeps it in its state
/// directory.
/// </summary>
public sealed class ContinuationOptions
{
    /// <summary>
    /// Every key that may open a token. To rotate: add a key, make it current, and remove the old key
    /// only after the longest action execution that may still carry a token sealed with it.
    /// </summary>
    public List<ContinuationKeyOptions> Keys { get; set; } = [];

    /// <summary>The id of the key that seals new tokens. Default: the highest configured id.</summary>
    [Range(1, 255)]
    public int? CurrentKeyId { get; set; }
}

/// <summary>One continuation key.</summary>
public sealed class ContinuationKeyOptions
{
    /// <summary>The key id, 1–255 (0 is the generated single-agent key), written into every token sealed with it.</summary>
    [Range(1, 255)]
    public int Id { get; set; }

    /// <summary>32 random bytes in base64 (<c>openssl rand -base64 32</c>). Secret: never logged.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Key { get; set; } = string.Empty;
}
