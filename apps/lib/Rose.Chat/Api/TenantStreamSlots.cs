using Microsoft.Extensions.Options;
using Rose.Platform.Limits;

namespace Rose.Chat.Api;

/// <summary>
/// Caps the answers streaming at once per tenant, so one busy site cannot starve the others; counted
/// where <c>Rose:Limits</c> says (Redis: one cap across every search replica).
/// </summary>
public sealed class TenantStreamSlots(IOptions<ChatOptions> options, IConcurrencySlots slots)
{
    /// <summary>A slot to release when the stream ends, or null when the tenant is at its cap.</summary>
    public Task<IAsyncDisposable?> TryTakeAsync(string tenantId, CancellationToken cancellationToken) =>
        slots.TryTakeAsync($"{tenantId}:chat-streams", options.Value.MaxConcurrentStreamsPerTenant, cancellationToken);
}
