namespace Rose.Analytics.Events;

/// <summary>The topics Rose.Analytics publishes. <c>components/pubsub.yaml</c> allows each and its dead-letter topic (a test checks).</summary>
public static class AnalyticsTopics
{
    /// <summary>A conversion (form submitted, meeting booked) was recorded, once per external id.</summary>
    public const string ConversionRecorded = "conversion.recorded";
}
