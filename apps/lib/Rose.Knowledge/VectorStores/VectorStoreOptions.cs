using System.ComponentModel.DataAnnotations;

namespace Rose.Knowledge.VectorStores;

/// <summary>
/// Configuration section <c>Rose:Knowledge:VectorStore</c>. The connection string is a secret: set
/// it through the environment (<c>Rose__Knowledge__VectorStore__ConnectionString</c>) or a secret
/// store, never in a file of the repository.
/// </summary>
public sealed class VectorStoreOptions
{
    public const string SectionName = "Rose:Knowledge:VectorStore";

    public VectorStoreProvider Provider { get; set; } = VectorStoreProvider.InProcess;

    /// <summary>MongoDB connection string (<c>mongodb+srv://…</c> for Atlas); required with <see cref="VectorStoreProvider.MongoDb"/>.</summary>
    public string? ConnectionString { get; set; }

    public string Database { get; set; } = "rose";

    /// <summary>The one collection of every tenant's vectors; documents carry <c>tenantId</c> and composite ids.</summary>
    public string Collection { get; set; } = "knowledge_vectors";

    /// <summary>The Atlas Vector Search index; created on first use when missing (see <see cref="CreateSearchIndex"/>).</summary>
    public string IndexName { get; set; } = "knowledge_vectors";

    /// <summary>
    /// Candidates the approximate search considers before keeping the best: Atlas advises 10 to 20
    /// times the number of results; more is slower but closer to exact. Never below the number asked for.
    /// </summary>
    [Range(1, 10_000)]
    public int NumCandidates { get; set; } = 400;

    /// <summary>Off when the index is managed outside Rose (infrastructure as code) and the account may not create it.</summary>
    public bool CreateSearchIndex { get; set; } = true;

    /// <summary>
    /// How long the vector leg of a search may take. Past it (or when MongoDB is unreachable) the
    /// search goes on with keywords and graph: a chat answer must not wait 30 s for server selection.
    /// </summary>
    public TimeSpan SearchTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
