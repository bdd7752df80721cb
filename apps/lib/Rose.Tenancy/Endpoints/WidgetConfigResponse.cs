namespace Rose.Tenancy.Endpoints;

/// <summary>What the widget needs to draw itself.</summary>
public sealed record WidgetConfigResponse(string TenantId, string Name, string Greeting, string PrimaryColor, string TextColor, string Language);
