namespace Rose.Platform.Embedded.Workflows;

/// <summary>A workflow asked to start over with a new input once its current run returns.</summary>
internal sealed record ContinueAsNewRequest(object? NewInput);
