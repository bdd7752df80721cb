using Xunit;

namespace Rose.Widget.Tests;

[CollectionDefinition(Name)]
public sealed class StandaloneHostCollection : ICollectionFixture<StandaloneHostFixture>
{
    public const string Name = "standalone host";
}
