namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Configuration section <c>Rose:Observability:Langfuse</c>. With <see cref="Endpoint"/>, <see cref="PublicKey"/>
/// and <see cref="SecretKey"/> set, the spans of <see cref="Sources"/> (the LLM calls) are also exported to
/// Langfuse's OpenTelemetry endpoint, <c>{Endpoint}/api/public/otel/v1/traces</c>, with Basic authentication
/// <c>public:secret</c>, beside any OTLP exporter the app already has.
/// </summary>
public sealed class LangfuseOptions
{
    public const string SectionName = "Rose:Observability:Langfuse";

    public const string TracesPath = "/api/public/otel/v1/traces";

    /// <summary>Langfuse's base address, e.g. <c>https://cloud.langfuse.com</c> or a self-hosted instance.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The project's public key (<c>pk-lf-…</c>).</summary>
    public string? PublicKey { get; set; }

    /// <summary>The project's secret key (<c>sk-lf-…</c>): from the environment or a secret store, never a file.</summary>
    public string? SecretKey { get; set; }

    /// <summary>The ActivitySources whose spans go to Langfuse; the LLM module's by default.</summary>
    public IList<string> Sources { get; } = [];

    public bool IsConfigured => Endpoint is not null && !string.IsNullOrWhiteSpace(PublicKey) && !string.IsNullOrWhiteSpace(SecretKey);

    public Uri TracesEndpoint => new(Endpoint!.AbsoluteUri.TrimEnd('/') + TracesPath);

    public IReadOnlyCollection<string> SourcesOrDefault => Sources.Count > 0 ? [.. Sources] : ["Rose.Llm"];
}
