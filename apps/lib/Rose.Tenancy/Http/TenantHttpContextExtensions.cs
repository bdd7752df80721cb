using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Rose.Tenancy.Http;

public static class TenantHttpContextExtensions
{
    /// <summary>The tenant resolved for this request; only on endpoints that require a widget or management caller.</summary>
    public static TenantProfile GetTenant(this HttpContext context) =>
        context.Items[typeof(TenantProfile)] as TenantProfile
        ?? throw new InvalidOperationException("This endpoint has no tenant: mark it with RequireWidgetKey() or RequireApiKey().");

    /// <summary>
    /// The key a per-visitor limit counts under: <c>{tenant}:{policy}:{client address}</c> (the address as
    /// the trusted-proxy rules resolved it), <c>-</c> as the tenant when the request resolved none yet.
    /// </summary>
    public static string TenantVisitorKey(this HttpContext context, string policy)
    {
        var tenant = context.Items[typeof(TenantProfile)] is TenantProfile profile ? profile.TenantId : "-";
        return $"{tenant}:{policy}:{context.Connection.RemoteIpAddress}";
    }

    /// <summary>The token of an <c>Authorization: Bearer …</c> header, or null.</summary>
    public static string? BearerToken(this HttpRequest request)
    {
        string? header = request.Headers.Authorization;
        const string scheme = "Bearer ";
        return header is not null && header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? header[scheme.Length..].Trim()
            : null;
    }

    public static TBuilder RequireWidgetKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerRequirement(CallerKind.Widget));

    public static TBuilder RequireApiKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerRequirement(CallerKind.Management));

    public static TBuilder RequireStaffKey<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CallerRequirement(CallerKind.Staff));
}
