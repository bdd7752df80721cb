namespace Rose.Gateway;

/// <summary>Configuration section <c>Rose:Gateway</c>.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Rose:Gateway";

    /// <summary>
    /// Where each app-id listens when not on Dapr. The defaults are service-discovery names, which
    /// Aspire resolves; set plain URLs elsewhere (e.g. <c>Rose__Gateway__Destinations__search=http://10.0.0.5:8080</c>).
    /// </summary>
    public Dictionary<string, string> Destinations { get; init; } = new(StringComparer.Ordinal)
    {
        ["search"] = "http://search",
        ["backoffice"] = "http://backoffice",
        ["admin"] = "http://admin",
    };

    /// <summary>
    /// How long a proxied request may go without a byte either way before the gateway cuts it (YARP's
    /// <c>ActivityTimeout</c>, 100 s by default). Search's answer stream sends a heartbeat every
    /// <c>Rose:Chat:StreamHeartbeat</c> (15 s), well inside it.
    /// </summary>
    public TimeSpan ActivityTimeout { get; init; } = TimeSpan.FromSeconds(100);

    /// <summary>
    /// Rose's own hostnames (the widget's and the backoffice's, e.g. <c>rose.example.com</c>). Any other name a
    /// request arrives with is taken for a tenant's custom hostname and goes to its GEO site
    /// (<see cref="CustomHostnameMiddleware"/>). Empty (the default): custom hostnames are not served.
    /// </summary>
    public List<string> PublicHosts { get; init; } = [];

    /// <summary>Requests per minute one client IP may send through the gateway.</summary>
    public int RequestsPerMinutePerClient { get; init; } = 600;
}
