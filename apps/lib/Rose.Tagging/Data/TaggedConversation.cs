using Rose.Storage;

namespace Rose.Tagging.Data;

/// <summary>
/// A conversation as a lead: when and with which label set it was tagged, its main labels, its score
/// and the company behind it. One row per conversation; the tags and factors are rows of their own.
/// Scores over time, per visitor and per company, are these rows in order.
/// </summary>
public sealed class TaggedConversation : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    public string ConversationId { get; set; } = string.Empty;

    /// <summary>The label set's version: a conversation is tagged again only when it changed.</summary>
    public string LabelSetVersion { get; set; } = string.Empty;

    /// <summary><c>offline</c>, or the LLM's provider/model.</summary>
    public string Classifier { get; set; } = string.Empty;

    /// <summary>How many messages the conversation had when tagged: a conversation that went on is tagged again.</summary>
    public int MessageCount { get; set; }

    public string Intent { get; set; } = string.Empty;

    public string Stage { get; set; } = string.Empty;

    public int Score { get; set; }

    /// <summary>Who the lead is across conversations: <c>visitor:{id}</c>, else <c>email:{digest}</c>, else <c>conversation:{id}</c>.</summary>
    public string VisitorKey { get; set; } = string.Empty;

    public string? CompanyName { get; set; }

    /// <summary>The company's domain, lowercase: the local part of its composite id.</summary>
    public string? CompanyDomain { get; set; }

    public string? CompanyMatchedBy { get; set; }

    public double? CompanyConfidence { get; set; }

    /// <summary>The company's firmographics, when the identification knew them.</summary>
    public string? CompanyIndustry { get; set; }

    public int? CompanyEmployees { get; set; }

    /// <summary>ISO 3166-1 alpha-2.</summary>
    public string? CompanyCountry { get; set; }

    public DateTimeOffset LastActivityAt { get; set; }

    public DateTimeOffset TaggedAt { get; set; }
}
