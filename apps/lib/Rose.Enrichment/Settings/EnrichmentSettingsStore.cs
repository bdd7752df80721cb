using Rose.Platform.State;

namespace Rose.Enrichment.Settings;

/// <summary>
/// Each tenant's <see cref="EnrichmentSettings"/>, one state entry per tenant (no expiry), so that the
/// chat reads them on every turn for the price of one state read; written by the management API.
/// </summary>
public sealed class EnrichmentSettingsStore(IStateStore state)
{
    private const string Key = "enrichment-settings";

    public async Task<EnrichmentSettings> GetAsync(string tenantId, CancellationToken cancellationToken) =>
        (await state.GetAsync<EnrichmentSettings>(tenantId, Key, cancellationToken))?.Value ?? EnrichmentSettings.Default;

    public Task SaveAsync(string tenantId, EnrichmentSettings settings, CancellationToken cancellationToken) =>
        state.SaveAsync(tenantId, Key, settings, timeToLive: null, cancellationToken);
}
