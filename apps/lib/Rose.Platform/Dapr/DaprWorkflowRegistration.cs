using Dapr.Workflow;
using Rose.Platform.Workflows;

namespace Rose.Platform.Dapr;

/// <summary>Hands Rose's workflow registrations to Dapr's worker, under the same names the embedded runner uses.</summary>
internal static class DaprWorkflowRegistration
{
    public static void Apply(WorkflowRegistrations registrations, WorkflowRuntimeOptions options)
    {
        var registerWorkflow = Generic(nameof(WorkflowRuntimeOptions.RegisterWorkflow));
        var registerActivity = Generic(nameof(WorkflowRuntimeOptions.RegisterActivity));
        foreach (var (name, type) in registrations.Workflows)
        {
            registerWorkflow.MakeGenericMethod(type).Invoke(options, [name]);
        }

        foreach (var (name, type) in registrations.Activities)
        {
            registerActivity.MakeGenericMethod(type).Invoke(options, [name]);
        }
    }

    // RegisterWorkflow<TWorkflow>(string name) and RegisterActivity<TActivity>(string name): the one-type-argument overloads.
    private static System.Reflection.MethodInfo Generic(string name) =>
        typeof(WorkflowRuntimeOptions).GetMethods()
            .Single(m => m.Name == name && m.IsGenericMethodDefinition && m.GetGenericArguments().Length == 1);
}
