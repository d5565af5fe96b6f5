namespace Baton.WireGen;

/// <summary>A model the generator cannot turn into records; the message says what to change.</summary>
internal sealed class GeneratorException(string message) : Exception(message);
