using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Puts <c>UseForwardedHeaders</c> first in every app's pipeline, trusting only
/// <see cref="NetworkOptions.TrustedProxies"/> (ASP.NET Core's own loopback defaults are cleared):
/// the rate limits and the visitor identification then see the visitor, not the gateway, and a header
/// sent by anyone else is ignored. The walk from the right stops at the first untrusted hop, so the
/// trusted list itself bounds how many hops are believed.
/// </summary>
public sealed class ForwardedHeadersStartupFilter(IOptions<NetworkOptions> network) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        var options = new ForwardedHeadersOptions
        {
            // The host too: a signed callback (HubSpot's webhooks) is verified against the URL as the caller sent it.
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
            ForwardLimit = null,
        };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in network.Value.TrustedProxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }

        // A request that comes straight from an untrusted peer keeps its own address; with nothing
        // trusted the middleware changes nothing at all, so it is skipped.
        if (options.KnownProxies.Count + options.KnownIPNetworks.Count > 0)
        {
            app.UseForwardedHeaders(options);
        }

        next(app);
    };
}
