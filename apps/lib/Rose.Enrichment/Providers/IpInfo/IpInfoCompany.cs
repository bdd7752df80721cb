using System.Text.Json.Serialization;

namespace Rose.Enrichment.Providers.IpInfo;

/// <summary>The body of IPinfo's <c>GET /{ip}/company</c>: <c>{"name", "domain", "type": "isp|business|education|hosting"}</c>.</summary>
internal sealed record IpInfoCompany(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("domain")] string? Domain,
    [property: JsonPropertyName("type")] string? Type);
