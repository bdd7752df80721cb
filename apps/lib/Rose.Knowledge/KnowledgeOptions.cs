using System.ComponentModel.DataAnnotations;

namespace Rose.Knowledge;

/// <summary>Configuration section <c>Rose:Knowledge</c>: limits that keep one bad source from hurting the others.</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Rose:Knowledge";

    /// <summary>Largest accepted upload or fetched page; larger documents fail with a reason.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxDocumentBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>How long one page fetch may take, robots.txt included.</summary>
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Most pages taken from one sitemap.</summary>
    [Range(1, 100_000)]
    public int MaxSitemapUrls { get; set; } = 500;

    /// <summary>
    /// Let URL and sitemap sources reach loopback, private and link-local addresses. Off by default:
    /// a tenant must not be able to make Rose fetch internal services (cloud metadata, admin ports).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>Sent with every fetch and matched against robots.txt groups.</summary>
    public string UserAgent { get; set; } = "RoseBot/1.0";
}
