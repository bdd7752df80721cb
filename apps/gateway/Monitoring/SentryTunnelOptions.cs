namespace Rose.Gateway.Monitoring;

/// <summary>
/// Configuration section <c>Rose:Gateway:SentryTunnel</c>: where <c>POST /monitoring</c> forwards the
/// widget's Sentry envelopes. Without <see cref="Dsn"/> the route answers 404: nothing is forwarded.
/// </summary>
public sealed class SentryTunnelOptions
{
    public const string SectionName = "Rose:Gateway:SentryTunnel";

    /// <summary>The widget's Sentry DSN (<c>https://publicKey@host/projectId</c>); only envelopes for its project go through.</summary>
    public string? Dsn { get; set; }

    /// <summary>Envelopes larger than this are refused with 413 (the widget's error reports are a few kilobytes).</summary>
    public int MaxEnvelopeBytes { get; set; } = 256 * 1024;

    /// <summary>How long Sentry may take to accept an envelope.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
