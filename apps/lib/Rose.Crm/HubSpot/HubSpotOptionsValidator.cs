using Microsoft.Extensions.Options;

namespace Rose.Crm.HubSpot;

/// <summary>Stops the app on start when <c>Rose:Crm:HubSpot</c> is wrong, naming the key.</summary>
internal sealed class HubSpotOptionsValidator : IValidateOptions<HubSpotOptions>
{
    public ValidateOptionsResult Validate(string? name, HubSpotOptions options)
    {
        var errors = new List<string>();
        RequireHttp(errors, nameof(options.BaseUrl), options.BaseUrl);
        RequireHttp(errors, nameof(options.AuthorizeUrl), options.AuthorizeUrl);
        RequireHttp(errors, nameof(options.BackofficeUrl), options.BackofficeUrl);
        RequireHttp(errors, nameof(options.RedirectUri), options.RedirectUri, optional: true);
        RequireHttp(errors, nameof(options.WebhookUrl), options.WebhookUrl, optional: true);
        if (!string.IsNullOrWhiteSpace(options.ClientId) && (string.IsNullOrWhiteSpace(options.ClientSecret) || options.RedirectUri is null))
        {
            errors.Add($"{HubSpotOptions.SectionName}:ClientId is set: OAuth also needs {HubSpotOptions.SectionName}:ClientSecret and {HubSpotOptions.SectionName}:RedirectUri.");
        }

        if (options.RequestsPerTenSeconds is < 1 or > 1000)
        {
            errors.Add($"{HubSpotOptions.SectionName}:RequestsPerTenSeconds must be between 1 and 1000.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            errors.Add($"{HubSpotOptions.SectionName}:MaxRetries must be between 0 and 10.");
        }

        if (options.RetryDelay < TimeSpan.Zero || options.RetryDelay > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{HubSpotOptions.SectionName}:RetryDelay must be between 00:00:00 and 00:01:00.");
        }

        if (options.Timeout <= TimeSpan.Zero || options.WebhookMaxAge <= TimeSpan.Zero || options.ReceivedEventRetention <= TimeSpan.Zero)
        {
            errors.Add($"{HubSpotOptions.SectionName}:Timeout, WebhookMaxAge and ReceivedEventRetention must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void RequireHttp(List<string> errors, string key, Uri? value, bool optional = false)
    {
        if (value is null)
        {
            if (!optional)
            {
                errors.Add($"{HubSpotOptions.SectionName}:{key} is required.");
            }

            return;
        }

        if (!value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
        {
            errors.Add($"{HubSpotOptions.SectionName}:{key} must be an absolute http(s) URL.");
        }
    }
}
