using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Langfuse is all or nothing: an endpoint without keys (or keys without an endpoint) stops the app at start, naming the keys.</summary>
public sealed class LangfuseOptionsValidator : IValidateOptions<LangfuseOptions>
{
    public ValidateOptionsResult Validate(string? name, LangfuseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var given = new[] { options.Endpoint is not null, !string.IsNullOrWhiteSpace(options.PublicKey), !string.IsNullOrWhiteSpace(options.SecretKey) };
        if (given.All(g => !g))
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!given.All(g => g))
        {
            failures.Add($"{LangfuseOptions.SectionName} needs Endpoint, PublicKey and SecretKey together (or none of them).");
        }

        if (options.Endpoint is { } endpoint && (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp)))
        {
            failures.Add($"{LangfuseOptions.SectionName}:Endpoint must be an absolute http(s) address.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
