using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rose.Enrichment;

public static class EnrichmentServiceCollectionExtensions
{
    /// <summary>
    /// What enrichment knows of visitors (<see cref="IVisitorCompanies"/>), read by the chat. Needs
    /// the platform's state store (<c>AddRosePlatform</c>).
    /// </summary>
    public static IServiceCollection AddRoseEnrichment(this IServiceCollection services)
    {
        services.TryAddSingleton<IVisitorCompanies, KnownVisitorCompanies>();
        return services;
    }
}
