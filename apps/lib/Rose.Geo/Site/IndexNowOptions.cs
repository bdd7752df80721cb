namespace Rose.Geo.Site;

/// <summary><c>Rose:Geo:IndexNow</c>: where changed URLs are pinged.</summary>
public sealed class IndexNowOptions
{
    /// <summary>The shared IndexNow endpoint, which passes pings on to every participating search engine.</summary>
    public const string SharedEndpoint = "https://api.indexnow.org/indexnow";

    public string Endpoint { get; set; } = SharedEndpoint;

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
