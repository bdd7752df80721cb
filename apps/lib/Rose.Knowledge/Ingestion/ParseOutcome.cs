namespace Rose.Knowledge.Ingestion;

/// <summary>What the fetch-and-parse step found. <see cref="Unchanged"/>: same content as indexed, nothing more to do.</summary>
public sealed record ParseOutcome(bool Unchanged, int BlockCount);
