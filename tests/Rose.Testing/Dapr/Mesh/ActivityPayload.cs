namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// The sizes, in UTF-8 bytes, of one activity's serialized input and output as they crossed the
/// work-item stream (what daprd stores in the workflow's history). <see cref="OutputBytes"/> is null
/// until the activity completed; a failed activity's output is its failure message.
/// </summary>
public sealed record ActivityPayload(string InstanceId, string Name, int TaskId, int InputBytes, int? OutputBytes, bool Failed = false);
