using System.Diagnostics;

namespace Rose.Knowledge.Telemetry;

/// <summary>
/// The module's ActivitySource, named <see cref="Name"/> (ServiceDefaults listens to every <c>Rose.*</c>
/// source): one <c>retrieval</c> span per hybrid search, child of the chat turn that asked.
/// </summary>
public static class KnowledgeTelemetry
{
    public const string Name = "Rose.Knowledge";

    public const string RetrievalSpan = "retrieval";

    /// <summary>The passages asked for and the passages returned.</summary>
    public const string RequestedPassages = "rose.retrieval.requested";

    public const string ReturnedPassages = "rose.retrieval.returned";

    /// <summary>Chunks in the tenant's index when searched.</summary>
    public const string IndexedChunks = "rose.retrieval.indexed_chunks";

    public const string Tenant = "rose.tenant_id";

    public static readonly ActivitySource Source = new(Name);
}
