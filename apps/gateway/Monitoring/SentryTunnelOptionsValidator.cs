using Microsoft.Extensions.Options;

namespace Rose.Gateway.Monitoring;

/// <summary>A DSN that does not parse, or a size limit out of range, stops the gateway at start, naming the key.</summary>
public sealed class SentryTunnelOptionsValidator : IValidateOptions<SentryTunnelOptions>
{
    public ValidateOptionsResult Validate(string? name, SentryTunnelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!string.IsNullOrWhiteSpace(options.Dsn) && !SentryDsn.TryParse(options.Dsn, out _))
        {
            failures.Add($"{SentryTunnelOptions.SectionName}:Dsn is not a Sentry DSN (https://publicKey@host/projectId).");
        }

        if (options.MaxEnvelopeBytes is < 1024 or > 20 * 1024 * 1024)
        {
            failures.Add($"{SentryTunnelOptions.SectionName}:MaxEnvelopeBytes must be between 1024 and 20971520.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{SentryTunnelOptions.SectionName}:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
