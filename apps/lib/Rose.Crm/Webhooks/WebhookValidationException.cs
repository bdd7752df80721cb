namespace Rose.Crm.Webhooks;

/// <summary>A registration the tenant must correct; becomes a 400 problem with the field's message.</summary>
public sealed class WebhookValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
