namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Configuration section <c>Rose:Network</c>. <see cref="TrustedProxies"/>: the addresses or CIDR
/// networks (e.g. <c>127.0.0.1</c>, <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> an app believes.
/// Empty by default: the peer's own address is the visitor's, whatever a header claims.
/// </summary>
public sealed class NetworkOptions
{
    public const string SectionName = "Rose:Network";

    public IList<string> TrustedProxies { get; } = [];
}
