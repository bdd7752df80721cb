using Dapr.Workflow;
using Microsoft.Extensions.Hosting;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Marks the document processing, fetches its bytes (upload, web page, FAQ) and parses them into blocks.</summary>
public sealed class FetchAndParseDocumentActivity(DocumentLoadingSteps steps, IHostApplicationLifetime lifetime) : WorkflowActivity<DocumentRun, ParseOutcome>
{
    public override Task<ParseOutcome> RunAsync(WorkflowActivityContext context, DocumentRun input) =>
        steps.FetchAndParseAsync(input, lifetime.ApplicationStopping);
}
