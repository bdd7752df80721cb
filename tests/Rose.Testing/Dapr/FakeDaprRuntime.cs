using System.Collections.Concurrent;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Rose.Testing.Dapr;

/// <summary>
/// The runtime service <c>dapr.proto.runtime.v1.Dapr</c> as a fake: records every request and keeps a
/// small state store with Dapr's first-write-wins ETags (a stale ETag answers <c>Aborted</c>, which
/// <c>DaprClient.TrySaveStateAsync</c> reports as false). Handlers are public virtual and named like
/// the gRPC methods, as Grpc.AspNetCore's binder requires.
/// </summary>
[BindServiceMethod(typeof(FakeDaprRuntime), nameof(BindService))]
public class FakeDaprRuntime
{
    public ConcurrentQueue<PublishEventRequest> Published { get; } = new();

    public ConcurrentQueue<SaveStateRequest> Saved { get; } = new();

    public ConcurrentQueue<DeleteStateRequest> Deleted { get; } = new();

    public ConcurrentQueue<InvokeBindingRequest> Bindings { get; } = new();

    /// <summary>The <c>dapr-api-token</c> header of every gRPC call.</summary>
    public ConcurrentQueue<string?> ApiTokens { get; } = new();

    /// <summary>The state store, by stored key.</summary>
    public ConcurrentDictionary<string, StoredState> State { get; } = new();

    /// <summary>
    /// The output bindings by component name. <see cref="FakeDaprSidecar"/> registers <c>blobstore</c> as
    /// a <see cref="FakeLocalStorageBinding"/>, like components/blobstore.yaml; a call to a name not here
    /// fails as daprd does ("couldn't find output binding").
    /// </summary>
    public ConcurrentDictionary<string, FakeLocalStorageBinding> LocalStorageBindings { get; } = new();

    /// <summary>
    /// Answers binding calls instead of the bindings above, for tests of other binding types (S3, GCS, …)
    /// that script the answer the real component would give; null uses <see cref="LocalStorageBindings"/>.
    /// </summary>
    public Func<InvokeBindingRequest, InvokeBindingResponse>? BindingResponder { get; set; }

    public static void BindService(ServiceBinderBase binder, FakeDaprRuntime? service)
    {
        binder.AddMethod(ProtoMethods.Unary<PublishEventRequest, Empty>(nameof(PublishEvent)), (UnaryServerMethod<PublishEventRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<SaveStateRequest, Empty>(nameof(SaveState)), (UnaryServerMethod<SaveStateRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetStateRequest, GetStateResponse>(nameof(GetState)), (UnaryServerMethod<GetStateRequest, GetStateResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetBulkStateRequest, GetBulkStateResponse>(nameof(GetBulkState)), (UnaryServerMethod<GetBulkStateRequest, GetBulkStateResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<DeleteStateRequest, Empty>(nameof(DeleteState)), (UnaryServerMethod<DeleteStateRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<InvokeBindingRequest, InvokeBindingResponse>(nameof(InvokeBinding)), (UnaryServerMethod<InvokeBindingRequest, InvokeBindingResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetMetadataRequest, GetMetadataResponse>(nameof(GetMetadata)), (UnaryServerMethod<GetMetadataRequest, GetMetadataResponse>)null!);
    }

    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        Record(context);
        Published.Enqueue(request);
        return Task.FromResult(new Empty());
    }

    public virtual Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context)
    {
        Record(context);
        Saved.Enqueue(request);
        foreach (var item in request.States)
        {
            var firstWrite = item.Options?.Concurrency == StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite;
            var etag = item.Etag?.Value;
            State.AddOrUpdate(
                item.Key,
                _ => firstWrite && !string.IsNullOrEmpty(etag) ? throw Conflict(item.Key) : new StoredState(item.Value, 1),
                (_, existing) => (etag is { Length: > 0 } && etag != existing.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)) || (firstWrite && string.IsNullOrEmpty(etag))
                    ? throw Conflict(item.Key)
                    : new StoredState(item.Value, existing.Version + 1));
        }

        return Task.FromResult(new Empty());
    }

    public virtual Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        Record(context);
        return Task.FromResult(State.TryGetValue(request.Key, out var stored)
            ? new GetStateResponse { Data = stored.Value, Etag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            : new GetStateResponse());
    }

    public virtual Task<GetBulkStateResponse> GetBulkState(GetBulkStateRequest request, ServerCallContext context)
    {
        Record(context);
        var response = new GetBulkStateResponse();
        foreach (var key in request.Keys)
        {
            response.Items.Add(State.TryGetValue(key, out var stored)
                ? new BulkStateItem { Key = key, Data = stored.Value, Etag = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) }
                : new BulkStateItem { Key = key });
        }

        return Task.FromResult(response);
    }

    public virtual Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context)
    {
        Record(context);
        Deleted.Enqueue(request);
        if (request.Etag?.Value is { Length: > 0 } etag
            && State.TryGetValue(request.Key, out var stored)
            && etag != stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw Conflict(request.Key);
        }

        State.TryRemove(request.Key, out _);
        return Task.FromResult(new Empty());
    }

    public virtual Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context)
    {
        Record(context);
        Bindings.Enqueue(request);
        if (BindingResponder is { } responder)
        {
            return Task.FromResult(responder(request));
        }

        // dapr/dapr pkg/api/grpc/grpc.go InvokeBinding, for a binding the sidecar did not load.
        return LocalStorageBindings.TryGetValue(request.Name, out var binding)
            ? Task.FromResult(binding.Invoke(request))
            : throw new RpcException(new Status(StatusCode.Internal, $"error invoking output binding {request.Name}: couldn't find output binding {request.Name}"));
    }

    public virtual Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context)
    {
        Record(context);
        return Task.FromResult(new GetMetadataResponse { Id = "fake-sidecar", RuntimeVersion = "fake" });
    }

    private static RpcException Conflict(string key) =>
        new(new Status(StatusCode.Aborted, $"possible etag mismatch for key {key}"));

    private void Record(ServerCallContext context) =>
        ApiTokens.Enqueue(context.RequestHeaders.GetValue("dapr-api-token"));
}
