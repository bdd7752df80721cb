namespace Rose.Backoffice.Pages.Accounts;

/// <summary>A message the offline mailbox kept instead of sending it, readable by the tenant's owners.</summary>
public sealed class SentMail
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string TenantId { get; set; } = string.Empty;

    public string To { get; set; } = string.Empty;

    public string Subject { get; set; } = string.Empty;

    public string Body { get; set; } = string.Empty;

    public DateTimeOffset SentAt { get; set; }
}
