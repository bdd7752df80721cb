namespace Rose.Knowledge.Retrieval;

/// <summary>
/// Keeps one document from filling every slot of an answer: past a number of passages per
/// document, the document's further passages move behind those of other documents (they are
/// demoted, not dropped, so a one-document knowledge base still gets k passages). A question that
/// names a feature shared by several pages (the same troubleshooting heading in two guides) then
/// sees each page, not five neighbouring chunks of the longest one.
/// </summary>
internal static class DocumentCrowding
{
    public static ScoredOrdinal[] Limit(ScoredOrdinal[] ranked, IReadOnlyList<IndexedChunk> chunks, int maxPerDocument, int k)
    {
        if (maxPerDocument <= 0)
        {
            return ranked.Length > k ? ranked[..k] : ranked;
        }

        var perDocument = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<ScoredOrdinal>(Math.Min(k, ranked.Length));
        var demoted = new List<ScoredOrdinal>();
        foreach (var hit in ranked)
        {
            if (kept.Count == k)
            {
                break;
            }

            var document = chunks[hit.Ordinal].DocumentId;
            var seen = perDocument.GetValueOrDefault(document);
            if (seen < maxPerDocument)
            {
                perDocument[document] = seen + 1;
                kept.Add(hit);
            }
            else
            {
                demoted.Add(hit);
            }
        }

        foreach (var hit in demoted)
        {
            if (kept.Count == k)
            {
                break;
            }

            kept.Add(hit);
        }

        return [.. kept];
    }
}
