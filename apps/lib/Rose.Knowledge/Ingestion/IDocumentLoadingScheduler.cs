namespace Rose.Knowledge.Ingestion;

/// <summary>
/// Starts loading a document in the background (the API answers 202 at once). Implemented by the
/// in-process <see cref="BackgroundDocumentLoader"/>, or by a scheduler of <c>DocumentLoadingWorkflow</c>
/// instances when a workflow runtime is registered.
/// </summary>
public interface IDocumentLoadingScheduler
{
    Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken);
}
