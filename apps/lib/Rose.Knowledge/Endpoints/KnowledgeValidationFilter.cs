using Microsoft.AspNetCore.Http;
using Rose.Knowledge.Ingestion;

namespace Rose.Knowledge.Endpoints;

/// <summary>Turns invalid knowledge input into a 400 validation problem naming each field.</summary>
internal sealed class KnowledgeValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (KnowledgeValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors, title: "The knowledge request is not valid");
        }
    }
}
