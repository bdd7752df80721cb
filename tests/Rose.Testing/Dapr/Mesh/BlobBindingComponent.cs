namespace Rose.Testing.Dapr.Mesh;

/// <summary>An output binding of type <c>bindings.localstorage</c>, by name, writing under <see cref="RootPath"/>.</summary>
public sealed record BlobBindingComponent(string Name, string RootPath);
