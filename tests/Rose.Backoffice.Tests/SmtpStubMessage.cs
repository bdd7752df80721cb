namespace Rose.Backoffice.Tests;

/// <summary>What <see cref="SmtpStub"/> received: the MAIL and RCPT command lines, and the message as sent after DATA.</summary>
internal sealed record SmtpStubMessage(string? MailFrom, IReadOnlyList<string> RcptTo, string Data);
