namespace Rose.Platform.Erasure;

/// <summary>One eraser an app holds: its name and whether it removes the tenant itself (run last).</summary>
public sealed record TenantEraserInfo(string Name, bool ErasesTheTenant);
