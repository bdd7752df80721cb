using System.Text.Json;

namespace Rose.Platform.Embedded.Workflows;

/// <summary>Inputs and outputs cross the journal as JSON, like they cross the sidecar on Dapr.</summary>
internal static class WorkflowValues
{
    public static string? Serialize(object? value) =>
        value is null ? null : JsonSerializer.Serialize(value, value.GetType(), PlatformJson.Options);

    public static object? Deserialize(string? json, Type type) =>
        json is null ? (type.IsValueType ? Activator.CreateInstance(type) : null) : JsonSerializer.Deserialize(json, type, PlatformJson.Options);

    public static T Deserialize<T>(string? json) => (T)Deserialize(json, typeof(T))!;
}
