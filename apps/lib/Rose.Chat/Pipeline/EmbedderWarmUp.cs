using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rose.Llm.Embeddings;

namespace Rose.Chat.Pipeline;

/// <summary>
/// Loads the embedding model while the host starts rather than on the first visitor's question:
/// the ONNX model takes about a second to load on this class of CPU, which the first answer after
/// every deploy or restart would otherwise wait for. Runs in the background; start-up does not wait.
/// </summary>
public sealed class EmbedderWarmUp(ITextEmbedder embedder, ILogger<EmbedderWarmUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            await embedder.EmbedAsync(["warm-up"], stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A remote embedding provider may be down at start: the first question will try again.
            logger.LogWarning(e, "Could not warm up the embedder {Model}", embedder.Model);
        }
    }
}
