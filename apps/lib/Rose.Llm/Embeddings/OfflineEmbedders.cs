using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rose.Llm.Embeddings;

/// <summary>
/// Registers the offline embedder chosen by <c>Rose:Knowledge:Embedder</c> (<c>MiniLm</c> or
/// <c>ArcticXs</c>). Every chunk records the model that embedded it, so switching the setting makes
/// the next start re-embed every tenant's documents (DocumentReloadScan) while chunks of the old
/// model stay keyword-searchable.
/// </summary>
public static class OfflineEmbedders
{
    public const string ConfigurationKey = "Rose:Knowledge:Embedder";

    /// <summary>The better of the two on the quality benchmark (tests/Rose.Benchmarks, README).</summary>
    public const OfflineEmbedder Default = OfflineEmbedder.MiniLm;

    /// <summary>The configured model; an unknown name fails at composition, naming the setting and the choices.</summary>
    public static OfflineEmbedder Configured(IConfiguration configuration)
    {
        var value = configuration[ConfigurationKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return Default;
        }

        return Enum.TryParse<OfflineEmbedder>(value.Trim(), ignoreCase: true, out var embedder) && Enum.IsDefined(embedder)
            ? embedder
            : throw new InvalidOperationException($"{ConfigurationKey} is '{value}'; expected one of: {string.Join(", ", Enum.GetNames<OfflineEmbedder>())}.");
    }

    public static SentenceEncoderEmbedder Create(OfflineEmbedder embedder) => embedder switch
    {
        OfflineEmbedder.MiniLm => new MiniLmTextEmbedder(),
        OfflineEmbedder.ArcticXs => new ArcticXsTextEmbedder(),
        _ => throw new ArgumentOutOfRangeException(nameof(embedder), embedder, null),
    };

    /// <summary>Registers the configured offline embedder unless another <see cref="ITextEmbedder"/> is registered already.</summary>
    public static IServiceCollection TryAddOfflineEmbedder(this IServiceCollection services, IConfiguration configuration)
    {
        var embedder = Configured(configuration);
        services.TryAddSingleton<ITextEmbedder>(_ => Create(embedder));
        return services;
    }
}
