namespace Rose.Testing.Dapr.Mesh;

/// <summary>The two retry policies of a Dapr resiliency spec that event delivery uses.</summary>
public enum RetryPolicyKind
{
    Constant,
    Exponential,
}
