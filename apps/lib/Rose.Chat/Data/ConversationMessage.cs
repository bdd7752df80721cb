using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>One message of a conversation, with what the answer cited and showed.</summary>
public sealed class ConversationMessage : ITenantOwned
{
    public const string VisitorRole = "visitor";
    public const string AssistantRole = "assistant";

    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>Order within the conversation, from 1.</summary>
    public int Sequence { get; set; }

    public string Role { get; set; } = VisitorRole;

    public string Text { get; set; } = string.Empty;

    public List<StoredCitation> Citations { get; set; } = [];

    public string? SkillId { get; set; }

    public string? SkillLabel { get; set; }

    public SkillType? SkillType { get; set; }

    public string? SkillUrl { get; set; }

    /// <summary>From the visitor's message to the answer's last token.</summary>
    public int? LatencyMs { get; set; }

    /// <summary><c>offline</c>, or the provider/model that wrote the answer.</summary>
    public string? Model { get; set; }

    /// <summary>The knowledge base had no answer.</summary>
    public bool Declined { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
