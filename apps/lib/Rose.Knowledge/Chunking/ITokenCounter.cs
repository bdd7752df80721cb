namespace Rose.Knowledge.Chunking;

/// <summary>Counts tokens the way the embedding model will see them, so chunks fit its window.</summary>
public interface ITokenCounter
{
    int Count(string text);
}
