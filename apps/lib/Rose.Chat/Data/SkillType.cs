using System.Text.Json.Serialization;

namespace Rose.Chat.Data;

[JsonConverter(typeof(JsonStringEnumConverter<SkillType>))]
public enum SkillType
{
    BookDemo,
    LeaveEmail,
    TalkToSales,
    ReadPage,
    DownloadResource,
}
