using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// <c>TaskHubSidecarService</c> (messages from <c>Dapr.DurableTask.Protobuf</c>, shipped in Dapr.Workflow's
/// <c>Dapr.Workflow.Grpc.dll</c>) for one sidecar, over its app-id's <see cref="MeshWorkflowEngine"/>.
/// As durabletask-go <c>backend/executor.go</c>: <c>StartInstance</c> returns once the instance left
/// Pending (daprd does not pass <c>WithSkipWaitForInstanceStart</c>, dapr/dapr
/// <c>pkg/runtime/wfengine/wfengine.go</c>), so it needs a connected worker; <c>GetInstance</c> of an
/// unknown id answers <c>exists: false</c>; a multi-instance purge is not implemented.
/// </summary>
[BindServiceMethod(typeof(MeshTaskHubService), nameof(BindService))]
public class MeshTaskHubService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private readonly MeshWorkflowEngine engine;
    private readonly MeshSidecar sidecar;

    internal MeshTaskHubService(MeshWorkflowEngine engine, MeshSidecar sidecar)
    {
        this.engine = engine;
        this.sidecar = sidecar;
    }

    public static void BindService(ServiceBinderBase binder, MeshTaskHubService? service)
    {
        binder.AddMethod(Unary<Empty, Empty>(nameof(Hello)), (UnaryServerMethod<Empty, Empty>)null!);
        binder.AddMethod(Unary<CreateInstanceRequest, CreateInstanceResponse>(nameof(StartInstance)), (UnaryServerMethod<CreateInstanceRequest, CreateInstanceResponse>)null!);
        binder.AddMethod(Unary<GetInstanceRequest, GetInstanceResponse>(nameof(GetInstance)), (UnaryServerMethod<GetInstanceRequest, GetInstanceResponse>)null!);
        binder.AddMethod(Unary<GetInstanceRequest, GetInstanceResponse>(nameof(WaitForInstanceStart)), (UnaryServerMethod<GetInstanceRequest, GetInstanceResponse>)null!);
        binder.AddMethod(Unary<GetInstanceRequest, GetInstanceResponse>(nameof(WaitForInstanceCompletion)), (UnaryServerMethod<GetInstanceRequest, GetInstanceResponse>)null!);
        binder.AddMethod(Unary<RaiseEventRequest, RaiseEventResponse>(nameof(RaiseEvent)), (UnaryServerMethod<RaiseEventRequest, RaiseEventResponse>)null!);
        binder.AddMethod(Unary<TerminateRequest, TerminateResponse>(nameof(TerminateInstance)), (UnaryServerMethod<TerminateRequest, TerminateResponse>)null!);
        binder.AddMethod(Unary<SuspendRequest, SuspendResponse>(nameof(SuspendInstance)), (UnaryServerMethod<SuspendRequest, SuspendResponse>)null!);
        binder.AddMethod(Unary<ResumeRequest, ResumeResponse>(nameof(ResumeInstance)), (UnaryServerMethod<ResumeRequest, ResumeResponse>)null!);
        binder.AddMethod(Unary<PurgeInstancesRequest, PurgeInstancesResponse>(nameof(PurgeInstances)), (UnaryServerMethod<PurgeInstancesRequest, PurgeInstancesResponse>)null!);
        binder.AddMethod(Unary<ListInstanceIDsRequest, ListInstanceIDsResponse>(nameof(ListInstanceIDs)), (UnaryServerMethod<ListInstanceIDsRequest, ListInstanceIDsResponse>)null!);
        binder.AddMethod(Unary<GetInstanceHistoryRequest, GetInstanceHistoryResponse>(nameof(GetInstanceHistory)), (UnaryServerMethod<GetInstanceHistoryRequest, GetInstanceHistoryResponse>)null!);
        binder.AddMethod(Unary<ActivityResponse, CompleteTaskResponse>(nameof(CompleteActivityTask)), (UnaryServerMethod<ActivityResponse, CompleteTaskResponse>)null!);
        binder.AddMethod(Unary<WorkflowResponse, CompleteTaskResponse>(nameof(CompleteOrchestratorTask)), (UnaryServerMethod<WorkflowResponse, CompleteTaskResponse>)null!);
        binder.AddMethod(Unary<WorkflowResponse, CompleteTaskResponse>(nameof(CompleteWorkflowTask)), (UnaryServerMethod<WorkflowResponse, CompleteTaskResponse>)null!);
        binder.AddMethod(
            new Method<GetWorkItemsRequest, WorkItem>(MethodType.ServerStreaming, ServiceName, nameof(GetWorkItems), Marshaller<GetWorkItemsRequest>(), Marshaller<WorkItem>()),
            (ServerStreamingServerMethod<GetWorkItemsRequest, WorkItem>)null!);
    }

    public virtual Task<Empty> Hello(Empty request, ServerCallContext context) => Task.FromResult(new Empty());

    public virtual async Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context)
    {
        var instanceId = engine.Start(request);
        if (request.ScheduledStartTimestamp is null)
        {
            await WaitAsync(instanceId, r => r.Status != OrchestrationStatus.Pending, context.CancellationToken);
        }

        return new CreateInstanceResponse { InstanceId = instanceId };
    }

    public virtual Task<GetInstanceResponse> GetInstance(GetInstanceRequest request, ServerCallContext context) =>
        Task.FromResult(engine.Describe(request.InstanceId, request.GetInputsAndOutputs));

    public virtual async Task<GetInstanceResponse> WaitForInstanceStart(GetInstanceRequest request, ServerCallContext context)
    {
        await WaitAsync(request.InstanceId, r => r.Status != OrchestrationStatus.Pending, context.CancellationToken);
        return engine.Describe(request.InstanceId, request.GetInputsAndOutputs);
    }

    public virtual async Task<GetInstanceResponse> WaitForInstanceCompletion(GetInstanceRequest request, ServerCallContext context)
    {
        await WaitAsync(request.InstanceId, r => r.IsTerminal, context.CancellationToken);
        return engine.Describe(request.InstanceId, request.GetInputsAndOutputs);
    }

    public virtual Task<RaiseEventResponse> RaiseEvent(RaiseEventRequest request, ServerCallContext context)
    {
        engine.Raise(request);
        return Task.FromResult(new RaiseEventResponse());
    }

    public virtual Task<TerminateResponse> TerminateInstance(TerminateRequest request, ServerCallContext context)
    {
        engine.Terminate(request);
        return Task.FromResult(new TerminateResponse());
    }

    public virtual Task<SuspendResponse> SuspendInstance(SuspendRequest request, ServerCallContext context)
    {
        engine.Suspend(request);
        return Task.FromResult(new SuspendResponse());
    }

    public virtual Task<ResumeResponse> ResumeInstance(ResumeRequest request, ServerCallContext context)
    {
        engine.Resume(request);
        return Task.FromResult(new ResumeResponse());
    }

    public virtual Task<PurgeInstancesResponse> PurgeInstances(PurgeInstancesRequest request, ServerCallContext context)
    {
        if (request.RequestCase != PurgeInstancesRequest.RequestOneofCase.InstanceId)
        {
            throw new RpcException(new Status(StatusCode.Unknown, "multi-instance purge is not implemented"));
        }

        var deleted = engine.Purge(request.InstanceId, request.HasForce && request.Force);
        return Task.FromResult(new PurgeInstancesResponse { DeletedInstanceCount = deleted, IsComplete = true });
    }

    public virtual Task<ListInstanceIDsResponse> ListInstanceIDs(ListInstanceIDsRequest request, ServerCallContext context) =>
        Task.FromResult(engine.List(request));

    public virtual Task<GetInstanceHistoryResponse> GetInstanceHistory(GetInstanceHistoryRequest request, ServerCallContext context) =>
        Task.FromResult(engine.HistoryOf(request.InstanceId));

    public virtual Task<CompleteTaskResponse> CompleteActivityTask(ActivityResponse request, ServerCallContext context)
    {
        engine.CompleteActivity(request);
        return Task.FromResult(new CompleteTaskResponse());
    }

    public virtual Task<CompleteTaskResponse> CompleteOrchestratorTask(WorkflowResponse request, ServerCallContext context)
    {
        engine.CompleteOrchestration(request);
        return Task.FromResult(new CompleteTaskResponse());
    }

    /// <summary>The newer name of <see cref="CompleteOrchestratorTask"/> (workers for Dapr 1.18+ may call either).</summary>
    public virtual Task<CompleteTaskResponse> CompleteWorkflowTask(WorkflowResponse request, ServerCallContext context) =>
        CompleteOrchestratorTask(request, context);

    /// <summary>The worker's work-item stream: open until the worker goes away or the mesh stops; unanswered items are offered again.</summary>
    public virtual async Task GetWorkItems(GetWorkItemsRequest request, IServerStreamWriter<WorkItem> responseStream, ServerCallContext context)
    {
        var stream = engine.Connect(sidecar.ReplicaId);
        try
        {
            await foreach (var item in stream.Items.Reader.ReadAllAsync(context.CancellationToken))
            {
                await responseStream.WriteAsync(item, context.CancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
            // the worker closed its stream (app host stopped)
        }
        catch (IOException)
        {
            // the connection dropped while writing
        }
        finally
        {
            engine.Disconnect(stream);
        }
    }

    private async Task WaitAsync(string instanceId, Func<WorkflowInstanceRecord, bool> condition, CancellationToken cancellationToken)
    {
        while (engine.Find(instanceId) is { } record && !condition(record))
        {
            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static string ServiceName => TaskHubSidecarService.Descriptor.FullName;

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, ServiceName, name, Marshaller<TRequest>(), Marshaller<TResponse>());

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
