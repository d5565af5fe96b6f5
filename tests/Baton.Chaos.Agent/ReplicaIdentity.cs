namespace Baton.Chaos.Agent;

/// <summary>The name of this replica, as the scenario gave it (<c>Baton:Agent:AgentId</c>).</summary>
/// <param name="Name">The replica's agent id.</param>
internal sealed record ReplicaIdentity(string Name);
