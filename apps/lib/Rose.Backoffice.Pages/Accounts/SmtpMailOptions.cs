namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// <c>Rose:Email:Smtp</c>: the server the backoffice sends its e-mail through. Without a
/// <see cref="Host"/> nothing is sent and messages go to the offline mailbox instead.
/// </summary>
public sealed class SmtpMailOptions
{
    public const string Section = "Rose:Email:Smtp";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender's address, e.g. <c>Rose &lt;rose@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>STARTTLS before anything is sent; on by default.</summary>
    public bool UseTls { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
