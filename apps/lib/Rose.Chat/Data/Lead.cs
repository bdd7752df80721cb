using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>A visitor who left an e-mail address through the widget.</summary>
public sealed class Lead : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string Id { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? Name { get; set; }

    public string? Company { get; set; }

    public string? ConversationId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
