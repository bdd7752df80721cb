using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Rose.Knowledge.Sources;

namespace Rose.Crm.Webhooks;

/// <summary>
/// Refuses tenant-supplied URLs that point inside (private, loopback, link-local, metadata addresses),
/// at registration, with a reason the tenant can act on. Deliveries check again on the address actually
/// dialled (<see cref="PublicAddressConnector"/>), so a name re-resolving to an internal address later is refused too.
/// </summary>
public sealed class WebhookUrlGuard(IOptions<WebhookOptions> options)
{
    /// <summary>Null when the URL may be called; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(string? value, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            return "Give an absolute http(s) URL.";
        }

        if (url.UserInfo.Length > 0)
        {
            return "The URL may not carry a user name or password; authenticate the request by its Rose-Signature header.";
        }

        if (value!.Length > 2000)
        {
            return "The URL is at most 2000 characters.";
        }

        if (options.Value.AllowPrivateAddresses)
        {
            return null;
        }

        IPAddress[] addresses;
        if (IPAddress.TryParse(url.IdnHost, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await Dns.GetHostAddressesAsync(url.IdnHost, cancellationToken);
            }
            catch (SocketException)
            {
                return $"{url.Host} cannot be resolved.";
            }
        }

        return addresses.Length == 0 || addresses.Any(a => !PublicAddressConnector.IsPublic(a))
            ? $"{url.Host} is a private, loopback or link-local address; webhooks are only sent to public addresses."
            : null;
    }
}
