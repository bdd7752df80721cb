namespace Rose.Platform.Workflows;

/// <summary>
/// The worker's small workflow API: apps that do not host a workflow (backoffice, admin) start it,
/// read its status and raise its events here, by service invocation, because a Dapr sidecar drives
/// only the workflows of its own app.
/// </summary>
public static class WorkflowApiRoutes
{
    public const string Prefix = "/workflows/v1";

    public static string Start(string workflowName) => $"{Prefix}/{Uri.EscapeDataString(workflowName)}/instances";

    public static string Instance(string instanceId) => $"{Prefix}/instances/{Uri.EscapeDataString(instanceId)}";

    public static string Event(string instanceId, string eventName) => $"{Instance(instanceId)}/events/{Uri.EscapeDataString(eventName)}";

    public static string Terminate(string instanceId) => $"{Instance(instanceId)}/terminate";
}
