using Rose.Storage;

namespace Rose.Chat.Data;

/// <summary>An ending a tenant offers under answers: book a demo, leave an e-mail, talk to sales, read a page, download.</summary>
public sealed class TenantSkill : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>A slug unique within the tenant, e.g. <c>book-demo</c>.</summary>
    public string Id { get; set; } = string.Empty;

    public SkillType Type { get; set; }

    /// <summary>The button's text.</summary>
    public string Label { get; set; } = string.Empty;

    /// <summary>What the skill is for, in words a visitor would use: matched against the question and answer.</summary>
    public string Description { get; set; } = string.Empty;

    /// <summary>Words or phrases that make this skill the ending when the visitor uses them.</summary>
    public List<string> Triggers { get; set; } = [];

    /// <summary>Calendar, page or resource URL; none for <see cref="SkillType.LeaveEmail"/>.</summary>
    public string? Url { get; set; }

    /// <summary>Offered when the knowledge base has no answer (the contact skill).</summary>
    public bool IsContact { get; set; }

    /// <summary>Whether the agent may offer it; a disabled skill keeps its place and settings.</summary>
    public bool Enabled { get; set; } = true;

    public int Position { get; set; }
}
