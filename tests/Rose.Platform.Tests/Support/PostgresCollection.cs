using Rose.Testing;
using Xunit;

namespace Rose.Platform.Tests.Support;

/// <summary>One PostgreSQL server for the test classes that need one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
