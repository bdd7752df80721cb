namespace Rose.Platform.Erasure;

/// <summary>
/// What every app serves on Dapr, for the off-boarding workflow in the worker: the erasers the app
/// holds, and a route that runs one of them. Called by service invocation only (sidecar-only routes).
/// </summary>
public static class TenantErasureRoutes
{
    public const string Prefix = "/internal/v1/tenant-erasure";

    /// <summary><c>GET</c>: the names of the erasers this app holds, as <see cref="TenantErasersResponse"/>.</summary>
    public const string List = Prefix;

    /// <summary><c>POST</c>: runs the eraser <paramref name="eraser"/> for <paramref name="tenantId"/>; 204 when done, 404 when the app has no such eraser.</summary>
    public static string Erase(string eraser, string tenantId) => $"{Prefix}/{Uri.EscapeDataString(eraser)}/tenants/{Uri.EscapeDataString(tenantId)}";
}
