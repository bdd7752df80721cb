namespace Rose.Geo.Settings;

/// <summary>A GEO setting out of range; the endpoint answers it as validation problem details on <see cref="Field"/>.</summary>
public sealed class GeoSettingsValidationException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
