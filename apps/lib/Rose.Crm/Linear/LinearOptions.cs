namespace Rose.Crm.Linear;

/// <summary>Configuration section <c>Rose:Crm:Linear</c>. The tenants' API keys are not here: each tenant connects its own workspace.</summary>
public sealed class LinearOptions
{
    public const string SectionName = "Rose:Crm:Linear";

    /// <summary>Linear's API host (GraphQL at <c>/graphql</c>); tests and staging point it at a stub. The operator's setting, not tenant input.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.linear.app/");

    /// <summary>The backoffice's public address, for the transcript link written into each ticket.</summary>
    public Uri BackofficeUrl { get; set; } = new("http://localhost:5000/");

    /// <summary>How long one call to Linear may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);
}
