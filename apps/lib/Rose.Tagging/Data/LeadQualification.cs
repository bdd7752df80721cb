using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>A visitor whose score crossed the tenant's hot threshold: <c>lead.qualified</c> was staged with this row, once per visitor.</summary>
public sealed class LeadQualification : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string VisitorKey { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public int Score { get; set; }

    public DateTimeOffset QualifiedAt { get; set; }
}
