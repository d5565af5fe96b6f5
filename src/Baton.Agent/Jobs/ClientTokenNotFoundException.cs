namespace Baton.Agent.Jobs;

/// <summary>The agent has no client token for a third-party job's client id, so it cannot claim or report the job.</summary>
public sealed class ClientTokenNotFoundException : Exception
{
    /// <summary>Creates the exception for a client id.</summary>
    /// <param name="clientId">The client id without a token.</param>
    /// <param name="message">What to configure.</param>
    public ClientTokenNotFoundException(string clientId, string message)
        : base(message)
    {
        ClientId = clientId;
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public ClientTokenNotFoundException()
        : base("No client token is known for the job's client id.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The message.</param>
    public ClientTokenNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The underlying error.</param>
    public ClientTokenNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The client id without a token.</summary>
    public string? ClientId { get; }
}
