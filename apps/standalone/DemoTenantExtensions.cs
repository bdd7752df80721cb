namespace Rose.Standalone;

public static class DemoTenantExtensions
{
    /// <summary>Seeds the demo tenant after the databases are migrated, and prints the URL.</summary>
    public static IServiceCollection AddDemoTenant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName));
        services.AddHostedService<DemoTenantSeeder>();
        services.AddHostedService<DemoKnowledgeSeeder>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
