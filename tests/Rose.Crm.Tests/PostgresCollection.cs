using Rose.Testing;
using Xunit;

namespace Rose.Crm.Tests;

/// <summary>One PostgreSQL server for the tests whose storage matters (claims, unique indexes, ticks in SQL).</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
