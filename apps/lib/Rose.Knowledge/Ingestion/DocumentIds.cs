namespace Rose.Knowledge.Ingestion;

/// <summary>Document ids as the API takes them: composite (<c>tenantId:localId</c>) or local.</summary>
internal static class DocumentIds
{
    /// <summary>The local id of <paramref name="id"/> for <paramref name="tenantId"/>; null for another tenant's id, which is then simply not found.</summary>
    public static string? LocalOf(string id, string tenantId)
    {
        var separator = id.IndexOf(':', StringComparison.Ordinal);
        if (separator < 0)
        {
            return id;
        }

        return id[..separator] == tenantId ? id[(separator + 1)..] : null;
    }
}
