using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>One factor of a conversation's score; a conversation's factors add up to its score.</summary>
public sealed class StoredScoreFactor : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>Order of the factor in the score, from 0.</summary>
    public int Position { get; set; }

    public string Key { get; set; } = string.Empty;

    public int Points { get; set; }

    public string Reason { get; set; } = string.Empty;
}
