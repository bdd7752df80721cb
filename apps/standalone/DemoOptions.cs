namespace Rose.Standalone;

/// <summary>Configuration section <c>Rose:Demo</c>: the demo tenant seeded on first start.</summary>
public sealed class DemoOptions
{
    public const string SectionName = "Rose:Demo";
    public const string TenantId = "demo";

    public bool Enabled { get; set; } = true;

    /// <summary>The widget key; generated on first start when empty.</summary>
    public string? PublicKey { get; set; }

    /// <summary>The management API key; generated on first start when empty.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The e-mail the demo tenant's backoffice owner signs in with.</summary>
    [System.ComponentModel.DataAnnotations.EmailAddress(ErrorMessage = "Rose:Demo:OwnerEmail must be an e-mail address.")]
    public string OwnerEmail { get; set; } = "owner@demo.rose.test";

    /// <summary>The owner's password (at least 12 characters); generated on first start when empty.</summary>
    [System.ComponentModel.DataAnnotations.MinLength(12, ErrorMessage = "Rose:Demo:OwnerPassword must be at least 12 characters.")]
    public string? OwnerPassword { get; set; }

    /// <summary>
    /// Where visitors reach this host: the demo's documentation pages (<c>/docs/…</c>), which its
    /// citations and skills link to, live under it.
    /// </summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5000");

    /// <summary>Absolute URL of a documentation page served by this host.</summary>
    public string DocsUrl(string page) => new Uri(PublicUrl, $"/docs/{page}").ToString();

    /// <summary>
    /// How long to wait after start before loading the documentation (none by default): the host
    /// stays not ready meanwhile, which lets an operator or a test watch a readiness probe say so.
    /// </summary>
    public TimeSpan KnowledgeLoadDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Sites allowed to embed the demo widget; any by default, since it only knows Rose's own docs.</summary>
    public List<string> AllowedOrigins { get; set; } = [];
}
