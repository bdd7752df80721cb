namespace Rose.Analytics.Api;

/// <summary>Events the widget batches and sends together.</summary>
public sealed record WidgetEventBatch(IReadOnlyList<WidgetEventInput>? Events);
