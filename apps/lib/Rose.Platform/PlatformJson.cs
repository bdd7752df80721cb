using System.Text.Json;

namespace Rose.Platform;

/// <summary>
/// The JSON settings for everything the platform stores or sends, the same web defaults the Dapr
/// client uses, so that a value written by one runtime reads back the same on the other.
/// </summary>
public static class PlatformJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
