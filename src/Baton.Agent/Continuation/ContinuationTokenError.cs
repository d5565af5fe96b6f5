namespace Baton.Agent.Continuation;

/// <summary>Why a continuation token could not be opened.</summary>
public enum ContinuationTokenError
{
    /// <summary>The token does not have Baton's shape: another job worker for the same action type wrote it.</summary>
    NotBatonToken,

    /// <summary>The token is a Baton token of a format version this agent does not read.</summary>
    UnsupportedVersion,

    /// <summary>The token was sealed with a key id this agent does not have.</summary>
    UnknownKey,

    /// <summary>The token's authentication tag does not match: it was altered, truncated or sealed with another key of the same id.</summary>
    Tampered,

    /// <summary>The token has Baton's prefix but its body cannot be decoded.</summary>
    Malformed,
}
