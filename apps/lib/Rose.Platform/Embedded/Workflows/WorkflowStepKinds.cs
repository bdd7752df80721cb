namespace Rose.Platform.Embedded.Workflows;

/// <summary>The kinds of steps the journal records.</summary>
internal static class WorkflowStepKinds
{
    public const string Activity = "activity";
    public const string Timer = "timer";
    public const string ExternalEvent = "event";
    public const string ChildWorkflow = "child";
    public const string SentEvent = "sent";
}
