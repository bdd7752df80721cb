namespace Rose.Testing.Dapr.Mesh;

/// <summary>A binding operation failed; daprd answers it as "error invoking output binding {name}: {message}".</summary>
internal sealed class BindingFailedException(string message) : Exception(message);
