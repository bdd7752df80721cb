namespace Rose.Knowledge.Ingestion;

/// <summary>The embed step's output as staged: one vector per chunk, packed as little-endian floats, and the model that made them.</summary>
public sealed record EmbeddedVectors(string Model, int Dimensions, byte[] Packed);
