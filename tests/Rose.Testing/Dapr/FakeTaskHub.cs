using System.Collections.Concurrent;
using Dapr.DurableTask.Protobuf;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Rose.Testing.Dapr;

/// <summary>
/// The workflow side of the fake sidecar (<c>TaskHubSidecarService</c>): records what
/// <c>DaprWorkflowClient</c> asks for. It runs no workflow; the worker's work-item stream is not offered.
/// </summary>
[BindServiceMethod(typeof(FakeTaskHub), nameof(BindService))]
public class FakeTaskHub
{
    private const string Service = "TaskHubSidecarService";

    public ConcurrentQueue<CreateInstanceRequest> Started { get; } = new();

    public ConcurrentQueue<RaiseEventRequest> RaisedEvents { get; } = new();

    public ConcurrentQueue<TerminateRequest> Terminated { get; } = new();

    public static void BindService(ServiceBinderBase binder, FakeTaskHub? service)
    {
        binder.AddMethod(Unary<CreateInstanceRequest, CreateInstanceResponse>(nameof(StartInstance)), (UnaryServerMethod<CreateInstanceRequest, CreateInstanceResponse>)null!);
        binder.AddMethod(Unary<RaiseEventRequest, RaiseEventResponse>(nameof(RaiseEvent)), (UnaryServerMethod<RaiseEventRequest, RaiseEventResponse>)null!);
        binder.AddMethod(Unary<TerminateRequest, TerminateResponse>(nameof(TerminateInstance)), (UnaryServerMethod<TerminateRequest, TerminateResponse>)null!);
    }

    public virtual Task<CreateInstanceResponse> StartInstance(CreateInstanceRequest request, ServerCallContext context)
    {
        Started.Enqueue(request);
        return Task.FromResult(new CreateInstanceResponse { InstanceId = request.InstanceId });
    }

    public virtual Task<RaiseEventResponse> RaiseEvent(RaiseEventRequest request, ServerCallContext context)
    {
        RaisedEvents.Enqueue(request);
        return Task.FromResult(new RaiseEventResponse());
    }

    public virtual Task<TerminateResponse> TerminateInstance(TerminateRequest request, ServerCallContext context)
    {
        Terminated.Enqueue(request);
        return Task.FromResult(new TerminateResponse());
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new()
    {
        var requests = new MessageParser<TRequest>(() => new TRequest());
        var responses = new MessageParser<TResponse>(() => new TResponse());
        return new Method<TRequest, TResponse>(
            MethodType.Unary,
            Service,
            name,
            Marshallers.Create<TRequest>(m => m.ToByteArray(), requests.ParseFrom),
            Marshallers.Create<TResponse>(m => m.ToByteArray(), responses.ParseFrom));
    }
}
