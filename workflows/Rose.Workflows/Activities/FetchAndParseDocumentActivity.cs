using Dapr.Workflow;
using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Activities;

/// <summary>Marks the document processing, fetches its bytes (upload, web page, FAQ) and parses them into blocks.</summary>
public sealed class FetchAndParseDocumentActivity(DocumentLoadingSteps steps) : WorkflowActivity<DocumentRef, ParsedSource>
{
    public override Task<ParsedSource> RunAsync(WorkflowActivityContext context, DocumentRef input) =>
        steps.FetchAndParseAsync(input, CancellationToken.None);
}
