using System.ComponentModel.DataAnnotations;

namespace Rose.Enrichment;

/// <summary>Configuration section <c>Rose:Enrichment</c> (the providers have their own sub-sections).</summary>
public sealed class EnrichmentOptions
{
    public const string SectionName = "Rose:Enrichment";

    public const string AddressKeyName = SectionName + ":AddressKey";

    /// <summary>
    /// The operator's secret that keys the hash of visitors' addresses (from the secret store). Left
    /// empty, a key is generated once and kept in <c>Rose:DataPath</c>: allowed on the embedded runtime
    /// and in Development; on Dapr elsewhere an app that identifies by address refuses to start without it.
    /// </summary>
    [MinLength(32, ErrorMessage = "Rose:Enrichment:AddressKey must be at least 32 characters (e.g. 32 random bytes in base64).")]
    public string? AddressKey { get; set; }
}
