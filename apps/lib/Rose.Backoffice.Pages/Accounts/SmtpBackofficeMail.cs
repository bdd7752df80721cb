using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>Sends the backoffice's e-mail through the SMTP server of <see cref="SmtpMailOptions"/>.</summary>
public sealed class SmtpBackofficeMail(IOptions<SmtpMailOptions> options) : IBackofficeMail
{
    public bool KeepsCopies => false;

    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var message = new MailMessage(new MailAddress(smtp.From!), new MailAddress(mail.To))
        {
            Subject = mail.Subject,
            Body = mail.Body,
            IsBodyHtml = false,
        };
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.UseTls,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
        }

        await client.SendMailAsync(message, cancellationToken);
    }
}
