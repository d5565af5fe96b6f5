namespace Baton.CodePipeline.Model;

/// <summary>
/// Marks a member the service model declares <c>sensitive</c> (credentials, client tokens, secret
/// configuration). Such values are redacted from <c>ToString()</c> and must never be logged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, Inherited = false)]
public sealed class SensitiveAttribute : Attribute
{
}
