namespace Baton.LoadTest.Pages;

/// <summary>The sign-up page's own log messages. Client tokens and API keys never appear here.</summary>
internal static partial class SignupPageLog
{
    [LoggerMessage(40, LogLevel.Warning, "Refused to connect client {ClientId} to account {AccountId}: it is connected to another account.")]
    public static partial void ClientConnectRefused(ILogger logger, string clientId, string accountId);
}
