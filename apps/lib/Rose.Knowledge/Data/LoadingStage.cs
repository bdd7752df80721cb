using Rose.Storage;

namespace Rose.Knowledge.Data;

/// <summary>
/// What one step of a document-loading run hands to the next (parsed blocks, chunks, vectors),
/// kept in the database so that workflow inputs and outputs carry ids only: on Dapr the whole
/// history travels with every dispatch and is capped by the sidecar's body size. Removed when the
/// run indexes the document or fails.
/// </summary>
public sealed class LoadingStage : ITenantOwned
{
    public string TenantId { get; set; } = string.Empty;

    /// <summary>The run (workflow instance id) this stage belongs to: two runs of one document never read each other's data.</summary>
    public string RunId { get; set; } = string.Empty;

    public string Stage { get; set; } = string.Empty;

    public string DocumentId { get; set; } = string.Empty;

    /// <summary>The stage's data as JSON (UTF-8).</summary>
    public byte[] Payload { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }
}
