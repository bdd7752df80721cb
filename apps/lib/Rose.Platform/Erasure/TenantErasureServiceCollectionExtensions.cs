using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Rose.Platform.Erasure;

public static class TenantErasureServiceCollectionExtensions
{
    /// <summary>Adds a module's <see cref="ITenantDataEraser"/> (scoped, once however often its <c>AddX</c> runs).</summary>
    public static IServiceCollection AddTenantDataEraser<TEraser>(this IServiceCollection services)
        where TEraser : class, ITenantDataEraser
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<ITenantDataEraser, TEraser>());
        return services;
    }
}
