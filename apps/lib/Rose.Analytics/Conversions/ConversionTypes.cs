namespace Rose.Analytics.Conversions;

/// <summary>The kinds of conversion the client's site reports (wire names).</summary>
public static class ConversionTypes
{
    public const string FormSubmitted = "form-submitted";
    public const string MeetingBooked = "meeting-booked";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { FormSubmitted, MeetingBooked };
}
