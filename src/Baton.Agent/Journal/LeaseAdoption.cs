namespace Baton.Agent.Journal;

/// <summary>A job an agent took over from a peer whose lease expired.</summary>
/// <param name="Entry">The journal entry, now owned by the adopting agent.</param>
/// <param name="PreviousAgentId">The agent that owned the job before.</param>
/// <param name="Adoptions">How many times the job has been adopted, this time included.</param>
public sealed record LeaseAdoption(JournalEntry Entry, string PreviousAgentId, int Adoptions);
