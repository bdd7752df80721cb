namespace Rose.Knowledge.Graph;

/// <summary>Finds the entities and relations of a chunk (an LLM when configured; <see cref="OfflineGraphExtractor"/> otherwise).</summary>
public interface IGraphExtractor
{
    GraphExtraction Extract(string title, IReadOnlyList<string> headingPath, string text);
}
