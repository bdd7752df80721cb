using Microsoft.AspNetCore.Http;

namespace Rose.Tenancy.Endpoints;

/// <summary>Turns invalid tenant input into a 400 validation problem naming each field.</summary>
internal sealed class TenantValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (TenantValidationException e)
        {
            return TypedResults.ValidationProblem(e.Errors, title: "The tenant settings are not valid");
        }
    }
}
