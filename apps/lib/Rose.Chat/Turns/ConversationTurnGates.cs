using Dapr.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Rose.Platform;

namespace Rose.Chat.Turns;

/// <summary>Picks the turn gate of the runtime: the conversation actor on Dapr, an in-process gate embedded.</summary>
public static class ConversationTurnGates
{
    public static IConversationTurnGate For(IServiceProvider services, IConfiguration configuration) =>
        RunsOnDapr(configuration)
            ? new ActorTurnGate(services.GetService<IActorProxyFactory>() ?? new ActorProxyFactory())
            : new InProcessTurnGate();

    /// <summary>Registers the conversation actor in an app that answers chats on the Dapr runtime.</summary>
    public static IServiceCollection AddConversationActors(this IServiceCollection services, IConfiguration configuration)
    {
        if (RunsOnDapr(configuration))
        {
            services.AddActors(options => options.Actors.RegisterActor<ConversationTurnActor>());
        }

        return services;
    }

    /// <summary>Maps the actor runtime's routes (<c>/dapr/config</c>, <c>/actors/…</c>) on the Dapr runtime.</summary>
    public static IEndpointRouteBuilder MapConversationActors(this IEndpointRouteBuilder routes)
    {
        var configuration = routes.ServiceProvider.GetRequiredService<IConfiguration>();
        if (RunsOnDapr(configuration))
        {
            routes.MapActorsHandlers();
        }

        return routes;
    }

    // Rose:Runtime chooses the platform's adapters; the chat follows the same setting.
    private static bool RunsOnDapr(IConfiguration configuration) =>
        string.Equals(configuration[PlatformOptions.RuntimeKey], nameof(PlatformRuntime.Dapr), StringComparison.OrdinalIgnoreCase);
}
