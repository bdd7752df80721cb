namespace Rose.Analytics.Conversions;

/// <summary>Body of <c>POST /rose/v1/conversions</c>.</summary>
/// <param name="Type"><c>form-submitted</c> or <c>meeting-booked</c>.</param>
/// <param name="VisitorId">The widget's visitor id (kept by the widget in the page's <c>localStorage</c> under <c>rose:visitor:(<c>localStorage["rose:visitor"]</c> on the page)lt;public key(<c>localStorage["rose:visitor"]</c> on the page)gt;</c>); or give <paramref name="ConversationId"/>.</param>
/// <param name="ExternalId">The caller's own id for it: sending it again records nothing new.</param>
public sealed record ConversionRequest(string? Type, string? VisitorId, string? ConversationId, DateTimeOffset? OccurredAt, string? ExternalId, decimal? Value);
