using Dapr.Actors.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Rose.Chat.Turns;

/// <summary>Picks the turn gate of the runtime: the conversation actor on Dapr, an in-process gate embedded.</summary>
public static class ConversationTurnGates
{
    public static IConversationTurnGate For(IServiceProvider services, IConfiguration configuration) =>
        string.Equals(configuration["Rose:Runtime"], "Dapr", StringComparison.OrdinalIgnoreCase)
            ? new ActorTurnGate(services.GetService<IActorProxyFactory>() ?? new ActorProxyFactory())
            : new InProcessTurnGate();

    /// <summary>Registers the conversation actor in an app that answers chats on the Dapr runtime.</summary>
    public static IServiceCollection AddConversationActors(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.Equals(configuration["Rose:Runtime"], "Dapr", StringComparison.OrdinalIgnoreCase))
        {
            services.AddActors(options => options.Actors.RegisterActor<ConversationTurnActor>());
        }

        return services;
    }

    /// <summary>Maps the actor runtime's routes (<c>/dapr/config</c>, <c>/actors/…</c>) on the Dapr runtime.</summary>
    public static IEndpointRouteBuilder MapConversationActors(this IEndpointRouteBuilder routes)
    {
        var configuration = routes.ServiceProvider.GetRequiredService<IConfiguration>();
        if (string.Equals(configuration["Rose:Runtime"], "Dapr", StringComparison.OrdinalIgnoreCase))
        {
            routes.MapActorsHandlers();
        }

        return routes;
    }
}
