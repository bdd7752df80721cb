using Rose.Llm.Accounting.Data;
using Rose.Platform.Erasure;
using Rose.Storage;

namespace Rose.Llm;

/// <summary>The tenant's LLM usage and budget rows.</summary>
internal sealed class LlmTenantErasure(LlmDbContext db, ICurrentTenant currentTenant) : ITenantDataEraser
{
    public string Name => "llm";

    public Task EraseAsync(string tenantId, CancellationToken cancellationToken) =>
        TenantRows.DeleteAllAsync(db, currentTenant, tenantId, cancellationToken);
}
