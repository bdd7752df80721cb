using Dapr.Workflow;
using Dapr.Workflow.Abstractions;

namespace Rose.Platform.Workflows;

/// <summary>
/// The workflows and activities an app hosts, collected by <c>AddRoseWorkflows</c> and handed to
/// Dapr's worker or to the embedded runner. Names are the class names, as Dapr registers them.
/// </summary>
public sealed class WorkflowRegistrations
{
    private readonly Dictionary<string, Type> workflows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> activities = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Type> Workflows => workflows;

    public IReadOnlyDictionary<string, Type> Activities => activities;

    public WorkflowRegistrations AddWorkflow<TWorkflow>() where TWorkflow : class, IWorkflow
    {
        workflows[typeof(TWorkflow).Name] = typeof(TWorkflow);
        return this;
    }

    public WorkflowRegistrations AddActivity<TActivity>() where TActivity : class, IWorkflowActivity
    {
        activities[typeof(TActivity).Name] = typeof(TActivity);
        return this;
    }
}
