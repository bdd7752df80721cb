using Rose.Llm.Embeddings;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>An encoder that never finishes (until cancelled): the process "dies" in the middle of the embed step.</summary>
public sealed class BlockingEmbedder : ITextEmbedder
{
    private readonly TaskCompletionSource entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Model => SharedEmbedder.Instance.Model;

    public int Dimensions => SharedEmbedder.Instance.Dimensions;

    public Task Entered => entered.Task;

    public async Task<float[][]> EmbedAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        entered.TrySetResult();
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new OperationCanceledException();
    }
}
