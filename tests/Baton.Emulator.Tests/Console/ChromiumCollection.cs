using Baton.Testing;

namespace Baton.Emulator.Tests.Console;

[CollectionDefinition(Name)]
public sealed class ChromiumCollection : ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Chromium";
}
