using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rose.Chat.Pipeline;

namespace Rose.Chat.Api;

/// <summary>
/// Streams a turn as server-sent events, with a heartbeat while the turn is silent
/// (<see cref="ChatOptions.StreamHeartbeat"/>), releasing the tenant's stream slot when it ends.
/// </summary>
public sealed class TurnStreamResult(TurnRequest request, IAsyncDisposable slot) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        await using (slot)
        {
            var services = httpContext.RequestServices;
            var pipeline = services.GetRequiredService<ConversationPipeline>();
            var heartbeat = services.GetRequiredService<IOptions<ChatOptions>>().Value.StreamHeartbeat;
            var response = httpContext.Response;
            var aborted = httpContext.RequestAborted;
            ServerSentEvents.Start(response);
            // Headers out at once: the visitor (and every proxy on the way) sees the stream open before retrieval starts.
            await response.StartAsync(aborted);
            await using var items = pipeline.RunTurnAsync(request, aborted).GetAsyncEnumerator(aborted);
            var next = items.MoveNextAsync().AsTask();
            try
            {
                while (true)
                {
                    bool more;
                    try
                    {
                        // Waiting does not cancel the turn: after a heartbeat the same MoveNext is awaited again.
                        more = await next.WaitAsync(heartbeat, aborted);
                    }
                    catch (TimeoutException)
                    {
                        await ServerSentEvents.WriteHeartbeatAsync(response, aborted);
                        continue;
                    }

                    if (!more)
                    {
                        break;
                    }

                    await ServerSentEvents.WriteAsync(response, items.Current, aborted);
                    next = items.MoveNextAsync().AsTask();
                }
            }
            finally
            {
                // The visitor left mid-wait: the turn sees the same token and stops; let it, before disposing it.
                if (!next.IsCompleted)
                {
                    await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                }
            }
        }
    }
}
