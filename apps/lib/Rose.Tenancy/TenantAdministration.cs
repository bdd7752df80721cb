using Microsoft.EntityFrameworkCore;
using Rose.Storage;
using Rose.Tenancy.Data;
using Rose.Tenancy.Keys;

namespace Rose.Tenancy;

/// <summary>Creates tenants and changes their settings and keys.</summary>
public sealed class TenantAdministration(TenancyDbContext db, ICurrentTenant currentTenant, TenantDirectory directory, TimeProvider clock)
{
    public async Task<CreatedTenant> CreateAsync(NewTenant request, CancellationToken cancellationToken)
    {
        var errors = TenantSettingsValidator.Validate(request);
        if (errors.Count > 0)
        {
            throw new TenantValidationException(errors);
        }

        var apiKey = request.ApiKey ?? TenantKeys.NewApiKey();
        var tenant = new Tenant
        {
            TenantId = request.TenantId,
            Name = request.Name.Trim(),
            PublicKey = request.PublicKey ?? TenantKeys.NewPublicKey(),
            ApiKeyHash = TenantKeys.Hash(apiKey),
            AllowedOrigins = Normalize(request.AllowedOrigins ?? []),
            Widget = ToSettings(request.Widget ?? WidgetSettingsView.From(new WidgetSettings())),
            CreatedAt = clock.GetUtcNow(),
        };

        using (currentTenant.Use(tenant.TenantId))
        {
            if (await db.Tenants.IgnoreQueryFilters().AnyAsync(
                    t => t.TenantId == tenant.TenantId || t.PublicKey == tenant.PublicKey || t.ApiKeyHash == tenant.ApiKeyHash,
                    cancellationToken))
            {
                throw new TenantValidationException(new Dictionary<string, string[]>
                {
                    ["tenantId"] = [$"A tenant '{tenant.TenantId}' or one with the same keys already exists."],
                });
            }

            db.Tenants.Add(tenant);
            await db.SaveChangesAsync(cancellationToken);
        }

        directory.Invalidate();
        return new CreatedTenant(TenantProfile.From(tenant), apiKey);
    }

    /// <summary>The tenant the caller acts for (the management key decided which).</summary>
    public async Task<TenantProfile> GetCurrentAsync(CancellationToken cancellationToken) =>
        TenantProfile.From(await LoadCurrentAsync(cancellationToken));

    public async Task<TenantProfile> UpdateWidgetAsync(WidgetSettingsView widget, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        TenantSettingsValidator.AddWidgetErrors(widget, errors);
        ThrowIfAny(errors);
        var tenant = await LoadCurrentAsync(cancellationToken);
        tenant.Widget = ToSettings(widget);
        return await SaveAsync(tenant, cancellationToken);
    }

    public async Task<TenantProfile> SetAllowedOriginsAsync(IReadOnlyList<string> origins, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        TenantSettingsValidator.AddOriginErrors(origins, errors);
        ThrowIfAny(errors);
        var tenant = await LoadCurrentAsync(cancellationToken);
        tenant.AllowedOrigins = Normalize(origins);
        return await SaveAsync(tenant, cancellationToken);
    }

    /// <summary>Replaces the management key; the old one stops working at once.</summary>
    public async Task<string> RotateApiKeyAsync(string? newKey, CancellationToken cancellationToken)
    {
        if (newKey is not null && !TenantKeys.IsWellFormedApiKey(newKey))
        {
            ThrowIfAny(new() { ["apiKey"] = ["An API key looks like rk_ followed by 16 to 100 letters, digits, '-' or '_'."] });
        }

        var apiKey = newKey ?? TenantKeys.NewApiKey();
        var tenant = await LoadCurrentAsync(cancellationToken);
        tenant.ApiKeyHash = TenantKeys.Hash(apiKey);
        await SaveAsync(tenant, cancellationToken);
        return apiKey;
    }

    /// <summary>
    /// Disables the tenant at once (keys and logins refused), the first step of its off-boarding; the
    /// off-boarding workflow erases the rest. Idempotent. False when there is no such tenant (any more).
    /// </summary>
    public async Task<bool> DisableForOffboardingAsync(string tenantId, CancellationToken cancellationToken)
    {
        using (currentTenant.Use(tenantId))
        {
            var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.TenantId == tenantId, cancellationToken);
            if (tenant is null)
            {
                return false;
            }

            if (tenant.OffboardedAt is null)
            {
                tenant.OffboardedAt = clock.GetUtcNow();
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        directory.Invalidate();
        return true;
    }

    private async Task<Tenant> LoadCurrentAsync(CancellationToken cancellationToken)
    {
        var tenantId = currentTenant.TenantId ?? throw new TenantRequiredException();
        return await db.Tenants.SingleAsync(t => t.TenantId == tenantId, cancellationToken);
    }

    private async Task<TenantProfile> SaveAsync(Tenant tenant, CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        directory.Invalidate();
        return TenantProfile.From(tenant);
    }

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new TenantValidationException(errors);
        }
    }

    private static List<string> Normalize(IEnumerable<string> origins) =>
        [.. origins.Select(o => o == "*" ? o : OriginNames.Normalize(o)!).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static WidgetSettings ToSettings(WidgetSettingsView view) => new()
    {
        Name = view.Name.Trim(),
        Greeting = view.Greeting.Trim(),
        PrimaryColor = view.PrimaryColor.ToLowerInvariant(),
        TextColor = view.TextColor.ToLowerInvariant(),
        Language = view.Language,
    };
}
