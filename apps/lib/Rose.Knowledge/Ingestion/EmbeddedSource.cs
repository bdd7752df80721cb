namespace Rose.Knowledge.Ingestion;

/// <summary>Output of the embed step: one vector per chunk, and the model that made them.</summary>
public sealed record EmbeddedSource(ChunkedSource Source, IReadOnlyList<float[]> Vectors, string Model, int Dimensions);
