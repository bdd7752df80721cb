using System.ComponentModel.DataAnnotations;

namespace Rose.Knowledge.Graph;

/// <summary>Configuration section <c>Rose:Knowledge:GraphExtraction</c>: how the LLM builds the knowledge graph.</summary>
public sealed class GraphExtractionOptions
{
    public const string SectionName = "Rose:Knowledge:GraphExtraction";

    /// <summary>
    /// Let the LLM extract the graph when the <c>graph-extraction</c> purpose has a provider. Off keeps
    /// the offline extractor, so that loading documents spends no tokens.
    /// </summary>
    public bool UseLlm { get; set; } = true;

    /// <summary>
    /// Chunks sent in one call: the instructions are paid once per call, but the reply must fit in
    /// <c>Rose:Llm:MaxOutputTokens</c> (a cut-off reply is split and asked again).
    /// </summary>
    [Range(1, 16)]
    public int ChunksPerCall { get; set; } = 3;

    /// <summary>A longer reply is not parsed: the chunks of that call use the offline extractor.</summary>
    [Range(1_000, 1_000_000)]
    public int MaxReplyCharacters { get; set; } = 32_000;
}
