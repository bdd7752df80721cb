using System.Text.Json.Serialization;

namespace Rose.Knowledge.Data;

/// <summary>Where a document is in its loading: shown in the backoffice and the API.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DocumentStatus>))]
public enum DocumentStatus
{
    [JsonStringEnumMemberName("queued")]
    Queued,

    [JsonStringEnumMemberName("processing")]
    Processing,

    [JsonStringEnumMemberName("indexed")]
    Indexed,

    [JsonStringEnumMemberName("failed")]
    Failed,
}
