using System.Text.Json.Serialization;

namespace Rose.Knowledge.Data;

/// <summary>How a document reached the knowledge base, which decides how it is fetched.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentOrigin>))]
public enum DocumentOrigin
{
    [JsonStringEnumMemberName("upload")]
    Upload,

    [JsonStringEnumMemberName("url")]
    Url,

    [JsonStringEnumMemberName("faq")]
    Faq,

    [JsonStringEnumMemberName("drive")]
    Drive,
}
