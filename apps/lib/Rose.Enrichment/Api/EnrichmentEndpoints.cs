using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Enrichment.Settings;
using Rose.Tenancy.Http;

namespace Rose.Enrichment.Api;

/// <summary>The management API of visitor identification (management API key): the tenant's consent, retention and provider settings.</summary>
public static class EnrichmentEndpoints
{
    public static IEndpointRouteBuilder MapEnrichmentApi(this IEndpointRouteBuilder routes)
    {
        var enrichment = routes.MapGroup("/api/v1/enrichment").RequireApiKey().WithTags("Enrichment");

        enrichment.MapGet("/settings", async (HttpContext context, EnrichmentSettingsStore store, CancellationToken ct) =>
                TypedResults.Ok((await store.GetAsync(context.GetTenant().TenantId, ct)).WithEveryProvider()))
            .WithName("GetEnrichmentSettings")
            .WithSummary("Whether visitors must consent before identification, the retention period, and each provider's settings.");

        enrichment.MapPut("/settings", async Task<Results<Ok<EnrichmentSettings>, ValidationProblem>> (
                EnrichmentSettingsRequest request, HttpContext context, EnrichmentSettingsStore store, CancellationToken ct) =>
            {
                var errors = EnrichmentSettingsValidator.Validate(request);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "The enrichment settings are not valid");
                }

                var settings = EnrichmentSettingsValidator.ToSettings(request);
                await store.SaveAsync(context.GetTenant().TenantId, settings, ct);
                return TypedResults.Ok(settings.WithEveryProvider());
            })
            .WithName("PutEnrichmentSettings")
            .WithSummary("Replaces the tenant's identification settings.")
            .WithDescription("requireConsent: no lookup at all for a conversation whose visitor did not consent (consent: true). " +
                "retentionDays: conversations, messages, leads, identifications and scores older than this are purged nightly. " +
                "providers: {name: {enabled, costPerLookup, monthlyBudget}}; a lookup that would go over the month's budget is not sent.");
        return routes;
    }
}
