using Rose.Knowledge.Ingestion;
using Rose.Platform.Workflows;
using Rose.Workflows.Workflows;

namespace Rose.Knowledge.Tests.Fixtures;

/// <summary>
/// Starts <c>DocumentLoadingWorkflow</c> like the production scheduler and waits for it to finish
/// inside the submit call, so a test can assert right after submitting.
/// </summary>
public sealed class InlineDocumentLoadingScheduler(IWorkflowScheduler workflows) : IDocumentLoadingScheduler
{
    public bool Paused { get; set; }

    public List<DocumentRef> Skipped { get; } = [];

    public async Task ScheduleAsync(DocumentRef document, CancellationToken cancellationToken)
    {
        if (Paused)
        {
            Skipped.Add(document);
            return;
        }

        var instanceId = await workflows.ScheduleAsync<DocumentLoadingWorkflow>(document.TenantId, document, cancellationToken: cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await workflows.WaitForCompletionAsync(instanceId, timeout.Token);
    }
}
