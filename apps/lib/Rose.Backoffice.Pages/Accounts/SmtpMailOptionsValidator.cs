using System.Net.Mail;
using Microsoft.Extensions.Options;

namespace Rose.Backoffice.Pages.Accounts;

/// <summary>Checks <c>Rose:Email:Smtp</c> on start, so a typo stops the host instead of losing the first invitation.</summary>
public sealed class SmtpMailOptionsValidator : IValidateOptions<SmtpMailOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpMailOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
        {
            failures.Add("Rose:Email:Smtp:Port must be between 1 and 65535.");
        }

        if (!MailAddress.TryCreate(options.From, out _))
        {
            failures.Add("Rose:Email:Smtp:From must be an e-mail address when Rose:Email:Smtp:Host is set.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Rose:Email:Smtp:UserName and Rose:Email:Smtp:Password go together: set both or neither.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
