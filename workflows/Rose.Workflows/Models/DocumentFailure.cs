using Rose.Knowledge.Ingestion;

namespace Rose.Workflows.Models;

/// <summary>Input of the activity that records why a document could not be loaded.</summary>
public sealed record DocumentFailure(DocumentRun Run, string Reason);
