using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>A visitor's conversation with the tenant's website agent.</summary>
public sealed class Conversation : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>Random, URL-safe; the composite id <c>tenantId:id</c> is what leaves the database in events.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>SHA-256 of the visitor's conversation token; the token itself is never stored.</summary>
    public string TokenHash { get; set; } = string.Empty;

    /// <summary>The site the widget ran on, as the browser sent it.</summary>
    public string? Origin { get; set; }

    /// <summary>The page the visitor was on when the conversation started (the widget sends it), without its fragment.</summary>
    public string? Page { get; set; }

    /// <summary>The random id the widget keeps for this browser (first-party storage): return visits, attribution and erasure.</summary>
    public string? VisitorId { get; set; }

    /// <summary>What the page said about the visitor's consent to identification; null when it said nothing.</summary>
    public bool? VisitorConsent { get; set; }

    /// <summary>The visitor's company when enrichment already knew it at the start.</summary>
    public string? VisitorCompany { get; set; }

    public int MessageCount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    /// <summary>Set once <c>conversation.ended</c> was published.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
