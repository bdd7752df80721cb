namespace Rose.Workflows.Models;

/// <summary>
/// One step of an off-boarding: the eraser <paramref name="Eraser"/> for <paramref name="TenantId"/>,
/// run in this process (<paramref name="AppId"/> null) or, on Dapr, in the app <paramref name="AppId"/>
/// by service invocation.
/// </summary>
public sealed record TenantErasureStep(string TenantId, string Eraser, string? AppId);
