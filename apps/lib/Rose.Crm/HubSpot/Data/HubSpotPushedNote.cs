using Rose.Storage;

namespace Rose.Crm.HubSpot.Data;

/// <summary>A note Rose added in HubSpot, by what caused it: the same lead event twice adds one note.</summary>
public sealed class HubSpotPushedNote : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary><c>captured:{leadId}</c> or <c>qualified:{conversationId}</c>.</summary>
    public string SourceKey { get; set; } = string.Empty;

    public string NoteId { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }
}
