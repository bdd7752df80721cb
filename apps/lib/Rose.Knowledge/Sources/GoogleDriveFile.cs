using System.Text.Json.Serialization;

namespace Rose.Knowledge.Sources;

/// <summary>A file of a Drive folder, as <c>files.list</c> returns it.</summary>
public sealed record GoogleDriveFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mimeType")] string MimeType,
    [property: JsonPropertyName("webViewLink")] string? WebViewLink)
{
    public const string GoogleDocument = "application/vnd.google-apps.document";
}
