using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Platform.Limits;
using Rose.Tenancy.Http;

namespace Rose.Chat.Api;

/// <summary>
/// Per (tenant, visitor IP) limits on the widget API, counted where <c>Rose:Limits</c> says (Redis:
/// one limit across every search replica); a refusal is a 429 problem with Retry-After.
/// </summary>
public static class ChatRateLimits
{
    public const string Messages = "chat-messages";
    public const string Conversations = "chat-conversations";

    public static IServiceCollection AddChatRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRoseClusterLimits(configuration);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Messages, context => Partition(context, Messages, o => o.MessagesPerMinutePerVisitor));
            limiter.AddPolicy(Conversations, context => Partition(context, Conversations, o => o.ConversationsPerMinutePerVisitor));
        });
        return services;
    }

    private static System.Threading.RateLimiting.RateLimitPartition<string> Partition(HttpContext context, string policy, Func<ChatOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ChatOptions>>().Value;
        return context.RequestServices.GetRequiredService<RateLimitPartitions>()
            .FixedWindow(context.TenantVisitorKey(policy), permits(options), TimeSpan.FromMinutes(1));
    }
}
