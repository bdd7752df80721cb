using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Rose.Knowledge.VectorStores;

internal static class VectorStoreServiceCollectionExtensions
{
    /// <summary>The vector store chosen by <c>Rose:Knowledge:VectorStore:Provider</c>, its options validated on start.</summary>
    public static IServiceCollection AddRoseVectorStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VectorStoreOptions>()
            .Bind(configuration.GetSection(VectorStoreOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VectorStoreOptions>, VectorStoreOptionsValidator>());
        services.TryAddSingleton<InProcessVectorStore>();
        services.TryAddSingleton<MongoVectorStore>();
        services.TryAddSingleton<IVectorStore>(sp => sp.GetRequiredService<IOptions<VectorStoreOptions>>().Value.Provider == VectorStoreProvider.MongoDb
            ? sp.GetRequiredService<MongoVectorStore>()
            : sp.GetRequiredService<InProcessVectorStore>());
        return services;
    }
}
