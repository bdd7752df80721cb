using Dapr.Workflow;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rose.Platform.Tests.Support;
using Rose.Platform.Workflows;
using Xunit;

namespace Rose.Platform.Tests.Embedded.Workflows;

public sealed class EmbeddedWorkflowRunnerTests : IDisposable
{
    private readonly TempDataFolder folder = new();
    private readonly CallLog log = new();

    [Fact]
    public async Task Workflow_killed_mid_way_resumes_and_runs_each_completed_activity_once()
    {
        string instanceId;
        using (var first = await StartAsync(gateOpen: false))
        {
            instanceId = await Scheduler(first).ScheduleAsync<ThreeStepWorkflow>("acme", "in", "doc-42");
            await log.WhenCalled(nameof(StepTwo));
            Assert.Equal(WorkflowRunStatus.Running, (await Scheduler(first).GetStatusAsync(instanceId))!.Status);
            // The process dies while StepTwo is running.
        }

        using var second = await StartAsync(gateOpen: true);
        var status = await Scheduler(second).WaitForCompletionAsync(instanceId).Within("the resumed workflow");

        Assert.Equal(WorkflowRunStatus.Completed, status.Status);
        Assert.Equal("in-1-2-3", status.ReadOutputAs<string>());
        Assert.Equal(1, log.Count(nameof(StepOne)));
        Assert.Equal(2, log.Count(nameof(StepTwo)));
        Assert.Equal(1, log.Count(nameof(StepThree)));
        Assert.Equal("acme_doc-42", instanceId);
    }

    [Fact]
    public async Task Activity_is_retried_by_its_retry_policy()
    {
        using var host = await StartAsync(gateOpen: true);
        var id = await Scheduler(host).ScheduleAsync<RetryingWorkflow>("acme", 3);

        var status = await Scheduler(host).WaitForCompletionAsync(id).Within("the workflow");

        Assert.Equal(WorkflowRunStatus.Completed, status.Status);
        Assert.Equal("x-flaky", status.ReadOutputAs<string>());
        Assert.Equal(3, log.Count(nameof(FlakyStep)));
    }

    [Fact]
    public async Task Activity_failing_every_attempt_fails_the_workflow_with_its_message()
    {
        using var host = await StartAsync(gateOpen: true);
        var id = await Scheduler(host).ScheduleAsync<RetryingWorkflow>("acme", 2);

        var status = await Scheduler(host).WaitForCompletionAsync(id).Within("the workflow");

        Assert.Equal(WorkflowRunStatus.Failed, status.Status);
        Assert.Contains("provider unavailable", status.FailureMessage, StringComparison.Ordinal);
        Assert.Equal(2, log.Count(nameof(FlakyStep)));
    }

    [Fact]
    public async Task Raised_event_reaches_a_waiting_workflow()
    {
        using var host = await StartAsync(gateOpen: true);
        var scheduler = Scheduler(host);
        var id = await scheduler.ScheduleAsync<ApprovalWorkflow>("acme", 60_000);
        await Signals.UntilAsync(async () => (await scheduler.GetStatusAsync(id))!.ReadCustomStatusAs<string>() == "waiting", "the workflow to wait");

        await scheduler.RaiseEventAsync(id, ApprovalWorkflow.Decision, "approved");

        var status = await scheduler.WaitForCompletionAsync(id).Within("the workflow");
        Assert.Equal("approved", status.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Wait_with_timeout_gives_up_when_no_event_comes()
    {
        using var host = await StartAsync(gateOpen: true);
        var id = await Scheduler(host).ScheduleAsync<ApprovalWorkflow>("acme", 50);

        var status = await Scheduler(host).WaitForCompletionAsync(id).Within("the timeout");

        Assert.Equal(WorkflowRunStatus.Completed, status.Status);
        Assert.Equal("timed out", status.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Child_workflow_result_returns_to_the_parent()
    {
        using var host = await StartAsync(gateOpen: true);
        var id = await Scheduler(host).ScheduleAsync<ParentWorkflow>("acme", "in");

        var status = await Scheduler(host).WaitForCompletionAsync(id).Within("the parent");

        Assert.Equal("in-1-parent", status.ReadOutputAs<string>());
        var child = await Scheduler(host).GetStatusAsync(id + "-0");
        Assert.Equal(WorkflowRunStatus.Completed, child!.Status);
    }

    [Fact]
    public async Task Terminate_stops_a_waiting_instance()
    {
        using var host = await StartAsync(gateOpen: true);
        var scheduler = Scheduler(host);
        var id = await scheduler.ScheduleAsync<ApprovalWorkflow>("acme", 60_000);

        await scheduler.TerminateAsync(id, "staff cancelled");

        var status = await scheduler.WaitForCompletionAsync(id).Within("the termination");
        Assert.Equal(WorkflowRunStatus.Terminated, status.Status);
        Assert.Equal("staff cancelled", status.FailureMessage);
    }

    [Fact]
    public async Task Scheduling_an_instance_id_that_is_still_running_fails()
    {
        using var host = await StartAsync(gateOpen: false);
        await Scheduler(host).ScheduleAsync<ThreeStepWorkflow>("acme", "in", "same");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Scheduler(host).ScheduleAsync<ThreeStepWorkflow>("acme", "in", "same"));
    }

    [Fact]
    public async Task Purge_deletes_finished_instances_and_keeps_running_ones()
    {
        using var host = await StartAsync(gateOpen: false);
        var scheduler = Scheduler(host);
        var finished = await scheduler.ScheduleAsync<ParentWorkflow>("acme", "in");
        await scheduler.WaitForCompletionAsync(finished).Within("the finished workflow");
        var running = await scheduler.ScheduleAsync<ThreeStepWorkflow>("acme", "in");
        await log.WhenCalled(nameof(StepTwo));

        Assert.Equal(0, await scheduler.PurgeFinishedAsync(DateTimeOffset.UtcNow.AddDays(-1)));
        var purged = await scheduler.PurgeFinishedAsync(DateTimeOffset.UtcNow.AddMinutes(1));

        Assert.Equal(2, purged);
        Assert.Null(await scheduler.GetStatusAsync(finished));
        Assert.Null(await scheduler.GetStatusAsync(finished + "-0"));
        Assert.Equal(WorkflowRunStatus.Running, (await scheduler.GetStatusAsync(running))!.Status);
    }

    public void Dispose() => folder.Dispose();

    private static IWorkflowScheduler Scheduler(IHost host) => host.Services.GetRequiredService<IWorkflowScheduler>();

    private Task<IHost> StartAsync(bool gateOpen) =>
        EmbeddedPlatformHost.StartAsync(folder.Path, (services, configuration) =>
        {
            services.AddSingleton(log);
            services.AddSingleton(new StepTwoGate(gateOpen));
            services.AddRoseWorkflows(configuration, workflows => workflows
                .AddWorkflow<ThreeStepWorkflow>()
                .AddWorkflow<RetryingWorkflow>()
                .AddWorkflow<ApprovalWorkflow>()
                .AddWorkflow<ParentWorkflow>()
                .AddWorkflow<ChildWorkflow>()
                .AddActivity<StepOne>()
                .AddActivity<StepTwo>()
                .AddActivity<StepThree>()
                .AddActivity<FlakyStep>());
        });
}
