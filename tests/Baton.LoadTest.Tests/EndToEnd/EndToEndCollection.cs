using Baton.Testing;

namespace Baton.LoadTest.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests share one browser and run one after another: each runs real load for
/// seconds, and two at once on a small machine would only make both slower.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "LoadTest end to end";
}
