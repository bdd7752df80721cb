using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Tenancy.Http;

namespace Rose.Chat.Api;

/// <summary>Per (tenant, visitor IP) limits on the widget API; a refusal is a 429 problem with Retry-After.</summary>
public static class ChatRateLimits
{
    public const string Messages = "chat-messages";
    public const string Conversations = "chat-conversations";

    public static IServiceCollection AddChatRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Messages, context => Partition(context, o => o.MessagesPerMinutePerVisitor));
            limiter.AddPolicy(Conversations, context => Partition(context, o => o.ConversationsPerMinutePerVisitor));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var http = rejected.HttpContext;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = "Please wait a moment before sending another message.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<ChatOptions, int> permits)
    {
        var options = context.RequestServices.GetRequiredService<IOptions<ChatOptions>>().Value;
        var tenant = context.Items.ContainsKey(typeof(Rose.Tenancy.TenantProfile)) ? context.GetTenant().TenantId : "-";
        var key = $"{tenant}|{context.Connection.RemoteIpAddress}";
        var limit = permits(options);
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
