using Rose.Knowledge.Ingestion;

namespace Rose.Standalone;

/// <summary>
/// Where the start-up loading of the demo documentation stands, shared by the seeder that drives
/// it, the readiness check that reports it and the banner that announces its end. It finishes once,
/// and stays finished: documents uploaded later are the tenant's business, not the host's readiness.
/// </summary>
public sealed class DemoKnowledgeLoading
{
    private readonly TaskCompletionSource<DemoKnowledgeLoaded?> finished = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// Completes when start-up loading is over: with the counts when the docs were loaded, with null
    /// when there was nothing to load (demo disabled, no docs folder) or loading could not be started.
    /// </summary>
    public Task<DemoKnowledgeLoaded?> Finished => finished.Task;

    public bool IsFinished => finished.Task.IsCompleted;

    /// <summary>The last counts the seeder read while waiting; null before the docs were submitted.</summary>
    public KnowledgeLoadingSnapshot? Latest { get; private set; }

    public void Report(KnowledgeLoadingSnapshot snapshot) => Latest = snapshot;

    public void Finish(DemoKnowledgeLoaded? loaded) => finished.TrySetResult(loaded);
}
