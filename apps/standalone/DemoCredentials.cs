namespace Rose.Standalone;

/// <summary>
/// The demo tenant's keys and its backoffice owner's sign-in, kept in the data folder so that later
/// starts can print them again. Files written before the backoffice existed have no owner.
/// </summary>
public sealed record DemoCredentials(string TenantId, string PublicKey, string ApiKey, string? OwnerEmail = null, string? OwnerPassword = null);
