using Rose.Testing;
using Xunit;

namespace Rose.Enrichment.Tests;

/// <summary>One PostgreSQL server for every test class that needs one.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
