namespace Rose.Standalone;

/// <summary>The demo tenant's keys, kept in the data folder so that later starts can print them again.</summary>
public sealed record DemoCredentials(string TenantId, string PublicKey, string ApiKey);
