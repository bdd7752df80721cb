using Rose.Tenancy.Data;

namespace Rose.Tenancy;

/// <summary>Widget settings as the widget and the API see them.</summary>
public sealed record WidgetSettingsView(string Name, string Greeting, string PrimaryColor, string TextColor, string Language)
{
    public static WidgetSettingsView From(WidgetSettings settings) =>
        new(settings.Name, settings.Greeting, settings.PrimaryColor, settings.TextColor, settings.Language);
}
