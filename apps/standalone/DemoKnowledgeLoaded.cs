using Rose.Knowledge.Ingestion;

namespace Rose.Standalone;

/// <summary>The demo documentation after start-up loading: every page indexed or failed.</summary>
/// <param name="Documents">The demo tenant's documents once none is queued or processing.</param>
/// <param name="Took">From the start of seeding to the last page settled.</param>
public sealed record DemoKnowledgeLoaded(KnowledgeLoadingSnapshot Documents, TimeSpan Took);
