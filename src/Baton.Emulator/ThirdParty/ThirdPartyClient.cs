namespace Baton.Emulator.ThirdParty;

/// <summary>
/// The credentials of one pipeline action that uses a third-party action type: the partner's job
/// worker maps <see cref="ClientId"/> (from PollForThirdPartyJobs) to <see cref="ClientToken"/>.
/// </summary>
/// <param name="ClientId">The client id (a UUID).</param>
/// <param name="ClientToken">The client token (a secret).</param>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="StageName">The stage of the action.</param>
/// <param name="ActionName">The action.</param>
/// <param name="Category">The action type's category.</param>
/// <param name="Provider">The action type's provider.</param>
/// <param name="Version">The action type's version.</param>
public sealed record ThirdPartyClient(
    string ClientId,
    string ClientToken,
    string PipelineName,
    string StageName,
    string ActionName,
    string Category,
    string Provider,
    string Version);

/// <summary>
/// The start of the console's "connect" handshake: POST a form with one field, <c>request</c>,
/// holding <see cref="Request"/>, to <see cref="ConfigurationUrl"/> (the action type's
/// <c>thirdPartyConfigurationUrl</c>). The partner's page later sends the browser to
/// <see cref="ReturnUrl"/> with the correlation id and the action configuration.
/// </summary>
/// <param name="ConfigurationUrl">The partner's configuration page.</param>
/// <param name="Request">The JSON document: clientId, clientToken, correlationId, returnUrl, configuration.</param>
/// <param name="CorrelationId">The one-time id that ties the return to this handshake.</param>
/// <param name="ReturnUrl">Where the partner returns the configuration.</param>
public sealed record HandshakeStart(string ConfigurationUrl, string Request, string CorrelationId, string ReturnUrl);

/// <summary>The outcome of a completed handshake: the pipeline's new version.</summary>
/// <param name="PipelineName">The pipeline.</param>
/// <param name="StageName">The stage of the reconfigured action.</param>
/// <param name="ActionName">The reconfigured action.</param>
/// <param name="PipelineVersion">The version that holds the new configuration.</param>
public sealed record HandshakeResult(string PipelineName, string StageName, string ActionName, int PipelineVersion);
