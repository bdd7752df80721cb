using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform;
using Rose.Workflows;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>The knowledge module composed as the worker and the standalone host compose it: documents load through <c>DocumentLoadingWorkflow</c> on the embedded runner.</summary>
public static class KnowledgeComposition
{
    public static IServiceCollection AddKnowledgeAsHosted(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRosePlatform(configuration);
        services.AddRoseKnowledge(configuration);
        services.AddRoseKnowledgeWorkflows();
        services.AddRoseWorkflows(configuration, registrations => registrations.AddDocumentLoading());
        return services;
    }
}
