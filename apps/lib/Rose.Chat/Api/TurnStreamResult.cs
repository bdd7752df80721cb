using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Rose.Chat.Pipeline;

namespace Rose.Chat.Api;

/// <summary>Streams a turn as server-sent events, releasing the tenant's stream slot when it ends.</summary>
public sealed class TurnStreamResult(TurnRequest request, IDisposable slot) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        using (slot)
        {
            var pipeline = httpContext.RequestServices.GetRequiredService<ConversationPipeline>();
            ServerSentEvents.Start(httpContext.Response);
            await foreach (var item in pipeline.RunTurnAsync(request, httpContext.RequestAborted))
            {
                await ServerSentEvents.WriteAsync(httpContext.Response, item, httpContext.RequestAborted);
            }
        }
    }
}
