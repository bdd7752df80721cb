using Rose.Storage;
using Rose.Tagging.Labels;

namespace Rose.Tagging.Data;

/// <summary>One label of a tagged conversation.</summary>
public sealed class StoredTag : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    public LabelGroup Group { get; set; }

    public string Label { get; set; } = string.Empty;

    public double Confidence { get; set; }
}
