using Dapr.DurableTask.Protobuf;
using Dapr.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Rose.Testing.Dapr.Mesh;
using Rose.Testing.Tests.Workflows;
using Xunit;

namespace Rose.Testing.Tests;

public sealed class WorkflowTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);
    private readonly ActivityLog log = new();
    private DaprTestMesh mesh = null!;
    private MeshSidecar sidecar = null!;
    private TestApp? worker;

    private MeshWorkflowEngine Engine => mesh.Workflows("worker");

    public async Task InitializeAsync()
    {
        mesh = await DaprTestMesh.StartAsync();
        sidecar = await mesh.AddSidecarAsync("worker");
        worker = await StartWorkerAsync();
    }

    public async Task DisposeAsync()
    {
        if (worker is not null)
        {
            await worker.DisposeAsync();
        }

        await mesh.DisposeAsync();
    }

    [Fact]
    public async Task A_workflow_with_two_activities_and_an_external_event_completes_on_the_real_worker()
    {
        var client = worker!.Services.GetRequiredService<DaprWorkflowClient>();

        var instanceId = await client.ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), "order-1", "quote 42");
        await WaitUntilAwaitingApprovalAsync(instanceId);
        await client.RaiseEventAsync(instanceId, ApprovalWorkflow.ApprovalEvent, "ana");
        var state = await client.WaitForWorkflowCompletionAsync(instanceId, cancellation: Timeout());

        Assert.Equal(WorkflowRuntimeStatus.Completed, state.RuntimeStatus);
        Assert.Equal("finished(prepared(quote 42) approved by ana)", state.ReadOutputAs<string>());
        var record = Engine.Find(instanceId)!;
        Assert.Equal([nameof(PrepareActivity), nameof(FinishActivity)], record.ActivityPayloads.Select(p => p.Name));
        Assert.Equal("\"quote 42\"".Length, record.ActivityPayloads[0].InputBytes);
        Assert.Equal("\"prepared(quote 42)\"".Length, record.ActivityPayloads[0].OutputBytes);
        Assert.True(record.HistoryBytes > 0);
        Assert.Equal(record.Turns, record.OrchestratorRequestBytes.Count);
        Assert.Contains(record.History, e => e.EventRaised is { Name: ApprovalWorkflow.ApprovalEvent });
        Assert.Equal(HistoryEvent.EventTypeOneofCase.ExecutionCompleted, record.History[^1].EventTypeCase);
    }

    [Fact]
    public async Task A_workflow_resumes_by_replay_after_its_app_host_is_stopped_and_started_again()
    {
        var instanceId = await worker!.Services.GetRequiredService<DaprWorkflowClient>().ScheduleNewWorkflowAsync(nameof(ApprovalWorkflow), "order-2", "quote 7");
        await WaitUntilAwaitingApprovalAsync(instanceId);

        await worker.DisposeAsync();
        worker = null;
        await Eventually.UntilAsync(() => Engine.ConnectedWorkers == 0, Wait, "the stopped worker's stream to close");
        sidecar.DisconnectApp();
        worker = await StartWorkerAsync();
        await Engine.WaitForWorkersAsync(1, Wait);
        var client = worker.Services.GetRequiredService<DaprWorkflowClient>();
        await client.RaiseEventAsync(instanceId, ApprovalWorkflow.ApprovalEvent, "ben");
        var record = await Engine.WaitForCompletionAsync(instanceId, Wait);

        Assert.Equal(OrchestrationStatus.Completed, record.Status);
        Assert.Equal("\"finished(prepared(quote 7) approved by ben)\"", record.Output);
        // The first activity was replayed from history by the new host, not run again.
        Assert.Equal(1, log.Runs(nameof(PrepareActivity)));
        Assert.Equal(1, log.Runs(nameof(FinishActivity)));
    }

    [Fact]
    public async Task An_activity_in_flight_when_its_app_host_stops_is_offered_again_to_the_restarted_host()
    {
        var instanceId = await worker!.Services.GetRequiredService<DaprWorkflowClient>().ScheduleNewWorkflowAsync(nameof(SlowWorkflow), "slow-1", "job");
        await Eventually.UntilAsync(() => log.Runs(nameof(GatedActivity)) == 1, Wait, "the gated activity to start");

        await worker.DisposeAsync();
        worker = null;
        await Eventually.UntilAsync(() => Engine.ConnectedWorkers == 0, Wait, "the stopped worker's stream to close");
        worker = await StartWorkerAsync();
        await Eventually.UntilAsync(() => log.Runs(nameof(GatedActivity)) == 2, Wait, "the activity to be offered to the new host");
        log.Gate.SetResult();
        var record = await Engine.WaitForCompletionAsync(instanceId, Wait);

        // At-least-once: the activity ran on both hosts; the stopped host's late answer carries a stale token and is ignored.
        Assert.Equal(OrchestrationStatus.Completed, record.Status);
        Assert.Equal("\"done(job)\"", record.Output);
        Assert.Single(record.History, e => e.TaskCompleted is not null);
    }

    [Fact]
    public async Task A_durable_timer_fires_and_a_failing_activity_fails_the_workflow_with_its_details()
    {
        var client = worker!.Services.GetRequiredService<DaprWorkflowClient>();

        var instanceId = await client.ScheduleNewWorkflowAsync(nameof(TimerWorkflow), "timer-1", 300);
        var record = await Engine.WaitForCompletionAsync(instanceId, Wait);

        Assert.Equal(OrchestrationStatus.Failed, record.Status);
        Assert.Contains("activity failed: boom", record.FailureDetails?.ToString() ?? string.Empty, StringComparison.Ordinal);
        var created = Assert.Single(record.History, e => e.TimerCreated is not null);
        var fired = Assert.Single(record.History, e => e.TimerFired is not null);
        Assert.Equal(created.EventId, fired.TimerFired.TimerId);
        Assert.True(fired.Timestamp.ToDateTimeOffset() >= created.TimerCreated.FireAt.ToDateTimeOffset());
        Assert.Single(record.History, e => e.TaskFailed is not null);
        Assert.True(record.ActivityPayloads.Single().Failed);
    }

    private async Task WaitUntilAwaitingApprovalAsync(string instanceId) =>
        await Eventually.UntilAsync(
            () => Engine.Find(instanceId) is { } r && r.ActivityPayloads.Count == 1 && r.ActivityPayloads[0].OutputBytes is not null && r.History.Any(e => e.TaskCompleted is not null),
            Wait,
            $"workflow {instanceId} to wait for its approval");

    private async Task<TestApp> StartWorkerAsync()
    {
        var app = await TestApp.StartAsync(sidecar, _ => { }, services =>
        {
            services.AddSingleton(log);
            services.AddDaprWorkflow(options =>
            {
                options.RegisterWorkflow<ApprovalWorkflow>();
                options.RegisterActivity<PrepareActivity>();
                options.RegisterActivity<FinishActivity>();
                options.RegisterWorkflow<TimerWorkflow>();
                options.RegisterActivity<FailingActivity>();
                options.RegisterWorkflow<SlowWorkflow>();
                options.RegisterActivity<GatedActivity>();
            });
        });
        await Engine.WaitForWorkersAsync(1, Wait);
        return app;
    }

    private static CancellationToken Timeout() => new CancellationTokenSource(Wait).Token;
}
