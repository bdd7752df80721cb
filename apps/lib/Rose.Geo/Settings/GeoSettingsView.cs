namespace Rose.Geo.Settings;

/// <summary>
/// A tenant's GEO settings as the API shows and takes them (<c>/api/v1/geo/settings</c>):
/// <paramref name="MinConversations"/> — a cluster of visitor questions becomes a page only when asked in
/// at least this many distinct conversations (null in a PUT: back to the installation's default).
/// </summary>
public sealed record GeoSettingsView(int? MinConversations);
