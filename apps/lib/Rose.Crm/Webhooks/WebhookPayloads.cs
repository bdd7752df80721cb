using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rose.Crm.Webhooks;

/// <summary>
/// The JSON body of every webhook (version <see cref="WebhookEvents.PayloadVersion"/>):
/// <c>{"id", "type", "version", "createdAt", "tenantId", "data"}</c>, camelCase, ids composite (<c>tenantId:localId</c>).
/// </summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static string Envelope(string eventId, string type, DateTimeOffset createdAt, string tenantId, object data) =>
        JsonSerializer.Serialize(new
        {
            id = eventId,
            type,
            version = WebhookEvents.PayloadVersion,
            createdAt,
            tenantId,
            data,
        }, Json);
}
