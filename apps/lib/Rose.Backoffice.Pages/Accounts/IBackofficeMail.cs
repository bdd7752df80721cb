namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// Where the backoffice's e-mail goes: an SMTP server (<see cref="SmtpBackofficeMail"/>) when
/// <c>Rose:Email:Smtp:Host</c> is set, otherwise the log and the Sent mail page (<see cref="OfflineBackofficeMail"/>).
/// </summary>
public interface IBackofficeMail
{
    /// <summary>Whether a copy of each message is kept for the Sent mail page (the offline mailbox).</summary>
    bool KeepsCopies { get; }

    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
