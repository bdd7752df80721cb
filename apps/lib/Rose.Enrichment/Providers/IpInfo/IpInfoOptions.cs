using System.ComponentModel.DataAnnotations;

namespace Rose.Enrichment.Providers.IpInfo;

/// <summary>Configuration section <c>Rose:Enrichment:IpInfo</c>: IPinfo's company lookup, off without a token (from the secret store).</summary>
public sealed class IpInfoOptions
{
    public const string SectionName = "Rose:Enrichment:IpInfo";

    public string? Token { get; set; }

    [Required]
    public Uri Endpoint { get; set; } = new("https://ipinfo.io/");

    /// <summary>A lookup runs off the answer's path, but a stuck provider must not hold the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:00:30")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Token);
}
