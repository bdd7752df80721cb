using System.Security.Cryptography;
using System.Text;
using Rose.Knowledge.Chunking;
using Rose.Knowledge.Parsing;

namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Hashes what a document's chunks are made from (parsed blocks, title, URL, chunk settings), not
/// the raw bytes: re-saving a PDF with a new timestamp is still "unchanged".
/// </summary>
internal static class ContentHasher
{
    public static string Hash(string title, string? sourceUrl, IReadOnlyList<ContentBlock> blocks, ChunkingOptions chunking)
    {
        var builder = new StringBuilder();
        builder.Append(title).Append('\u001f').Append(sourceUrl).Append('\u001f')
            .Append(chunking.MaxTokens).Append('/').Append(chunking.OverlapTokens).Append('\u001e');
        foreach (var block in blocks)
        {
            builder.Append((int)block.Kind).Append('|').Append(block.HeadingLevel).Append('|').Append(block.Page)
                .Append('|').Append(block.Text).Append('\u001e');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }
}
