namespace Rose.Standalone;

public static class DemoTenantExtensions
{
    /// <summary>
    /// Seeds the demo tenant after the databases are migrated, loads its documentation, holds readiness
    /// until that is done, and prints the URL.
    /// </summary>
    public static IServiceCollection AddDemoTenant(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => o.KnowledgeLoadDelay >= TimeSpan.Zero, "Rose:Demo:KnowledgeLoadDelay must not be negative.")
            .ValidateOnStart();
        services.AddSingleton<DemoKnowledgeLoading>();
        // Not tagged live: /alive answers at once, /health (readiness) waits for the docs.
        services.AddHealthChecks().AddCheck<DemoKnowledgeReadinessCheck>(DemoKnowledgeReadinessCheck.Name);
        services.AddHostedService<DemoTenantSeeder>();
        services.AddHostedService<DemoKnowledgeSeeder>();
        services.AddHostedService<StartupBanner>();
        return services;
    }
}
