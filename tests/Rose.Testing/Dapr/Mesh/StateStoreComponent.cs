namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// A state store the mesh serves, by its <c>metadata.name</c>. <see cref="KeyPrefix"/> is the
/// component's <c>keyPrefix</c> metadata as dapr/dapr <c>pkg/components/state/state_config.go</c>
/// reads it: <c>appid</c> (default: <c>{appId}||key</c>), <c>name</c> (<c>{store}||key</c>),
/// <c>none</c> (the key as given) or any other value (<c>{value}||key</c>).
/// </summary>
public sealed record StateStoreComponent(string Name, string KeyPrefix = StateStoreComponent.AppIdPrefix)
{
    public const string AppIdPrefix = "appid";

    public const string NoPrefix = "none";

    public const string StoreNamePrefix = "name";
}
