namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Starts loading a document in the background (the API answers 202 at once): a
/// <c>DocumentLoadingWorkflow</c> instance, registered by Rose.Workflows' <c>AddRoseKnowledgeWorkflows</c>.
/// </summary>
public interface IDocumentLoadingScheduler
{
    Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken);

    /// <summary>
    /// Schedules a load for a reason that is still true after a restart (re-embedding with a new
    /// model, <see cref="DocumentReloadScan"/>). A scheduler whose runs survive restarts names the run
    /// after <paramref name="runKey"/> and starts nothing while that run is unfinished; an in-process
    /// queue, which forgets everything on restart, simply schedules.
    /// </summary>
    Task ScheduleOnceAsync(DocumentRef document, string runKey, CancellationToken cancellationToken) =>
        ScheduleAsync(document, cancellationToken);
}
