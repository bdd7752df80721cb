namespace Rose.Platform.Erasure;

/// <summary>One eraser an app holds: its name, whether it removes the tenant itself (run last), whether it runs in every app (first).</summary>
public sealed record TenantEraserInfo(string Name, bool ErasesTheTenant, bool RunsInEveryApp);
