using System.Net;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>Refuses to start with a trusted proxy that is neither an address nor a CIDR network: a typo must not silently trust nobody (or everybody).</summary>
public sealed class NetworkOptionsValidator : IValidateOptions<NetworkOptions>
{
    public ValidateOptionsResult Validate(string? name, NetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var invalid = options.TrustedProxies.Where(p => !IPAddress.TryParse(p, out _) && !IPNetwork.TryParse(p, out _)).ToList();
        return invalid.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Rose:Network:TrustedProxies has entries that are neither an IP address nor a CIDR network: {string.Join(", ", invalid)}.");
    }
}
