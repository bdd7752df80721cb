namespace Rose.Tenancy.Data;

/// <summary>How the widget looks and greets on the tenant's site.</summary>
public sealed class WidgetSettings
{
    public string Name { get; set; } = "Rose";

    public string Greeting { get; set; } = "Hi! Ask me anything about our product.";

    /// <summary>Launcher and header colour, <c>#rrggbb</c>.</summary>
    public string PrimaryColor { get; set; } = "#c2185b";

    /// <summary>Text colour on the primary colour, <c>#rrggbb</c>.</summary>
    public string TextColor { get; set; } = "#ffffff";

    /// <summary>BCP 47 language of the widget's own texts, e.g. <c>en</c> or <c>fr</c>.</summary>
    public string Language { get; set; } = "en";
}
