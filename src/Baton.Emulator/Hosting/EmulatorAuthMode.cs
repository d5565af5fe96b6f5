namespace Baton.Emulator.Hosting;

/// <summary>How the emulator authenticates CodePipeline API requests.</summary>
public enum EmulatorAuthMode
{
    /// <summary>Every request must carry a valid SigV4 signature made with the configured credentials.</summary>
    Verify,

    /// <summary>Requests are accepted without checking any signature.</summary>
    None,
}
