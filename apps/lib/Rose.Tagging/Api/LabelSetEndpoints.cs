using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rose.Tagging.Labels;
using Rose.Tenancy.Http;

namespace Rose.Tagging.Api;

/// <summary>The tenant's label set (management API key): read it, replace its intent labels.</summary>
public static class LabelSetEndpoints
{
    public static IEndpointRouteBuilder MapLabelSetApi(this IEndpointRouteBuilder routes)
    {
        var labels = routes.MapGroup("/api/v1/labels").RequireApiKey().WithTags("Leads");

        labels.MapGet("", async (LabelSetStore store, CancellationToken ct) => TypedResults.Ok(LabelSetView.From(await store.GetAsync(ct))))
            .WithName("GetLabelSet")
            .WithSummary("The labels the tenant's conversations are tagged with, and the set's version.");

        labels.MapPut("", async Task<Results<Ok<LabelSetView>, ValidationProblem>> (IntentLabelsRequest request, LabelSetStore store, CancellationToken ct) =>
            {
                var errors = IntentLabelsValidator.Validate(request.Intents);
                if (errors.Count > 0)
                {
                    return TypedResults.ValidationProblem(errors, title: "The intent labels are not valid");
                }

                return TypedResults.Ok(LabelSetView.From(await store.SaveIntentsAsync(request.Intents!, ct)));
            })
            .WithName("PutIntentLabels")
            .WithSummary("Replaces the tenant's intent labels; the set's version changes, so the retag job tags its conversations again.");
        return routes;
    }
}
