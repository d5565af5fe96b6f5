namespace Baton.CodePipeline.Signing;

/// <summary>The authentication a request carries, read from its header or its query, before verification.</summary>
/// <param name="Signature">The signature and its scope.</param>
/// <param name="AmzDate">The request time, <c>yyyyMMddTHHmmssZ</c>.</param>
/// <param name="SessionToken">The session token the request carried, or null.</param>
/// <param name="IsPresigned">True when read from the query string.</param>
internal sealed record SignedRequest(RequestSignature Signature, string AmzDate, string? SessionToken, bool IsPresigned);
