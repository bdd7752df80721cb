namespace Rose.Crm.HubSpot;

/// <summary>Configuration section <c>Rose:Crm:HubSpot</c>. The tenants' tokens are not here: each tenant connects its own portal.</summary>
public sealed class HubSpotOptions
{
    public const string SectionName = "Rose:Crm:HubSpot";

    /// <summary>HubSpot's API host; tests and staging point it at a stub. The operator's setting, not tenant input.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.hubapi.com/");

    /// <summary>Where the OAuth consent screen is (HubSpot's app host, not the API's).</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://app.hubspot.com/oauth/authorize");

    /// <summary>The public app's client id: without it the OAuth connect button is not offered.</summary>
    public string? ClientId { get; set; }

    /// <summary>The public app's client secret: signs HubSpot's webhooks and authenticates the OAuth token calls. From a secret store, never a file.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Where HubSpot sends the browser back after consent: <c>https://…/api/v1/integrations/hubspot/oauth/callback</c>.</summary>
    public Uri? RedirectUri { get; set; }

    /// <summary>The URL HubSpot calls with webhooks, exactly as registered in the app; when unset, the URL as received (through trusted proxies).</summary>
    public Uri? WebhookUrl { get; set; }

    /// <summary>The backoffice's public address, for the transcript link in HubSpot notes.</summary>
    public Uri BackofficeUrl { get; set; } = new("http://localhost:5000/");

    /// <summary>Least scopes: contacts and companies read/write, and schema write for Rose's contact properties.</summary>
    public string Scopes { get; set; } = "oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.companies.read crm.objects.companies.write crm.schemas.contacts.write";

    /// <summary>Requests per tenant per rolling 10 seconds (HubSpot's burst limit is 100 for private apps on most tiers, 110 for OAuth apps).</summary>
    public int RequestsPerTenSeconds { get; set; } = 100;

    /// <summary>Retries of a failed call (429, 5xx, timeouts) before the push is recorded as a failure.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>First back-off (doubled each time, with jitter) when HubSpot sends no <c>Retry-After</c>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one call may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Webhooks signed longer ago than this are refused (HubSpot's own rule: 5 minutes).</summary>
    public TimeSpan WebhookMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an applied webhook event id is remembered (HubSpot retries a failed delivery for up to three days).</summary>
    public TimeSpan ReceivedEventRetention { get; set; } = TimeSpan.FromDays(7);

    public bool OAuthEnabled => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret) && RedirectUri is not null;
}
