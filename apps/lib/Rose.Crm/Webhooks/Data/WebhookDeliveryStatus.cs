using System.Text.Json.Serialization;

namespace Rose.Crm.Webhooks.Data;

/// <summary>Where a delivery stands.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookDeliveryStatus>))]
public enum WebhookDeliveryStatus
{
    /// <summary>Not delivered yet; the next attempt is due at <c>NextAttemptAt</c>.</summary>
    [JsonStringEnumMemberName("pending")]
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    [JsonStringEnumMemberName("delivered")]
    Delivered,

    /// <summary>Given up: still failing after the retry period, or the endpoint was disabled or deleted.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
