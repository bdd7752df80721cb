using Microsoft.Extensions.Logging;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>
/// The mailbox of a machine without SMTP: each message is written to the log and kept for the
/// tenant's owners on the Sent mail page, so invitations and resets work on a fresh machine.
/// </summary>
public sealed partial class OfflineBackofficeMail(BackofficeAccountsDbContext db, TimeProvider clock, ILogger<OfflineBackofficeMail> logger) : IBackofficeMail
{
    public bool KeepsCopies => true;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        LogMail(logger, mail.To, mail.Subject, mail.Body);
        if (mail.TenantId is null)
        {
            return;
        }

        db.SentMail.Add(new SentMail { TenantId = mail.TenantId, To = mail.To, Subject = mail.Subject, Body = mail.Body, SentAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "No SMTP server is configured (Rose:Email:Smtp:Host); this e-mail is not sent. To {To}, subject {Subject}:\n{Body}")]
    private static partial void LogMail(ILogger logger, string to, string subject, string body);
}
