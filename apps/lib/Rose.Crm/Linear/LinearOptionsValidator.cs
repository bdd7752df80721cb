using Microsoft.Extensions.Options;

namespace Rose.Crm.Linear;

/// <summary>Stops the app on start when <c>Rose:Crm:Linear</c> is wrong, naming the key.</summary>
internal sealed class LinearOptionsValidator : IValidateOptions<LinearOptions>
{
    public ValidateOptionsResult Validate(string? name, LinearOptions options)
    {
        var errors = new List<string>();
        foreach (var (key, value) in new[] { (nameof(options.BaseUrl), options.BaseUrl), (nameof(options.BackofficeUrl), options.BackofficeUrl) })
        {
            if (value is null || !value.IsAbsoluteUri || (value.Scheme != Uri.UriSchemeHttp && value.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"{LinearOptions.SectionName}:{key} must be an absolute http(s) URL.");
            }
        }

        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
        {
            errors.Add($"{LinearOptions.SectionName}:Timeout must be between 00:00:00 and 00:05:00.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
