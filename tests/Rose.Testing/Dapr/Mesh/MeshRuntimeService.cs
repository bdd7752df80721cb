using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace Rose.Testing.Dapr.Mesh;

/// <summary>
/// <c>dapr.proto.runtime.v1.Dapr</c> for one sidecar of the mesh: publish, state and output bindings,
/// with daprd's rules (dapr/dapr <c>pkg/api/grpc/grpc.go</c>): state keys prefixed per the store's
/// <c>keyPrefix</c> (<c>pkg/components/state/state_config.go</c>, keys may not contain <c>||</c>), a
/// refused write answers <c>Aborted</c> when it carried an ETag and <c>Internal</c> otherwise
/// (<c>getStateErrorCode</c>); a failed binding answers <c>Internal</c> with
/// "error invoking output binding {name}: {reason}". Handlers are public virtual and named like the gRPC
/// methods, as Grpc.AspNetCore's binder requires.
/// </summary>
[BindServiceMethod(typeof(MeshRuntimeService), nameof(BindService))]
public class MeshRuntimeService
{
    private const string Separator = "||";
    private readonly DaprTestMesh mesh;
    private readonly MeshSidecar sidecar;

    internal MeshRuntimeService(DaprTestMesh mesh, MeshSidecar sidecar)
    {
        this.mesh = mesh;
        this.sidecar = sidecar;
    }

    public static void BindService(ServiceBinderBase binder, MeshRuntimeService? service)
    {
        binder.AddMethod(ProtoMethods.Unary<PublishEventRequest, Empty>(nameof(PublishEvent)), (UnaryServerMethod<PublishEventRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<SaveStateRequest, Empty>(nameof(SaveState)), (UnaryServerMethod<SaveStateRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetStateRequest, GetStateResponse>(nameof(GetState)), (UnaryServerMethod<GetStateRequest, GetStateResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetBulkStateRequest, GetBulkStateResponse>(nameof(GetBulkState)), (UnaryServerMethod<GetBulkStateRequest, GetBulkStateResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<DeleteStateRequest, Empty>(nameof(DeleteState)), (UnaryServerMethod<DeleteStateRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<ExecuteStateTransactionRequest, Empty>(nameof(ExecuteStateTransaction)), (UnaryServerMethod<ExecuteStateTransactionRequest, Empty>)null!);
        binder.AddMethod(ProtoMethods.Unary<InvokeBindingRequest, InvokeBindingResponse>(nameof(InvokeBinding)), (UnaryServerMethod<InvokeBindingRequest, InvokeBindingResponse>)null!);
        binder.AddMethod(ProtoMethods.Unary<GetMetadataRequest, GetMetadataResponse>(nameof(GetMetadata)), (UnaryServerMethod<GetMetadataRequest, GetMetadataResponse>)null!);
    }

    public virtual Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
    {
        if (string.IsNullOrEmpty(request.Topic))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"topic is empty in pubsub {request.PubsubName}"));
        }

        mesh.PubSub.Publish(
            sidecar.AppId,
            request.PubsubName,
            request.Topic,
            request.Data.ToByteArray(),
            request.DataContentType,
            request.Metadata,
            context.RequestHeaders.GetValue("traceparent"),
            context.RequestHeaders.GetValue("tracestate"));
        return Task.FromResult(new Empty());
    }

    public virtual async Task<Empty> SaveState(SaveStateRequest request, ServerCallContext context)
    {
        var store = mesh.StateStore(request.StoreName);
        foreach (var item in request.States)
        {
            await SaveAsync(store, request.StoreName, item);
        }

        return new Empty();
    }

    public virtual async Task<GetStateResponse> GetState(GetStateRequest request, ServerCallContext context)
    {
        var stored = await mesh.StateStore(request.StoreName).GetAsync(Key(request.StoreName, request.Key));
        return stored is null ? new GetStateResponse() : new GetStateResponse { Data = ByteString.CopyFrom(stored.Data), Etag = stored.ETag };
    }

    public virtual async Task<GetBulkStateResponse> GetBulkState(GetBulkStateRequest request, ServerCallContext context)
    {
        var store = mesh.StateStore(request.StoreName);
        var response = new GetBulkStateResponse();
        foreach (var key in request.Keys)
        {
            var stored = await store.GetAsync(Key(request.StoreName, key));
            response.Items.Add(stored is null
                ? new BulkStateItem { Key = key }
                : new BulkStateItem { Key = key, Data = ByteString.CopyFrom(stored.Data), Etag = stored.ETag });
        }

        return response;
    }

    public virtual async Task<Empty> DeleteState(DeleteStateRequest request, ServerCallContext context)
    {
        try
        {
            await mesh.StateStore(request.StoreName).DeleteAsync(Key(request.StoreName, request.Key), request.Etag?.Value);
        }
        catch (StateConflictException ex)
        {
            // state/redis Delete wraps every script failure as an ETag mismatch.
            throw new RpcException(new Status(StatusCode.Aborted, $"failed deleting state with key {request.Key}: possible etag mismatch. error from state store: {ex.Message}"));
        }

        return new Empty();
    }

    /// <summary>Upserts and deletes in order. Unlike <c>state/redis</c>'s MULTI, not atomic: an operation that fails leaves the earlier ones applied.</summary>
    public virtual async Task<Empty> ExecuteStateTransaction(ExecuteStateTransactionRequest request, ServerCallContext context)
    {
        var store = mesh.StateStore(request.StoreName);
        foreach (var operation in request.Operations)
        {
            switch (operation.OperationType)
            {
                case "upsert":
                    await SaveAsync(store, request.StoreName, operation.Request);
                    break;
                case "delete":
                    try
                    {
                        await store.DeleteAsync(Key(request.StoreName, operation.Request.Key), operation.Request.Etag?.Value);
                    }
                    catch (StateConflictException ex)
                    {
                        throw new RpcException(new Status(StatusCode.Aborted, ex.Message));
                    }

                    break;
                default:
                    throw new RpcException(new Status(StatusCode.Unimplemented, $"operation type {operation.OperationType} not supported"));
            }
        }

        return new Empty();
    }

    public virtual Task<InvokeBindingResponse> InvokeBinding(InvokeBindingRequest request, ServerCallContext context)
    {
        var binding = mesh.Binding(request.Name);
        try
        {
            var (data, metadata) = binding.Invoke(request.Operation, request.Data.ToByteArray(), request.Metadata);
            var response = new InvokeBindingResponse { Data = ByteString.CopyFrom(data) };
            response.Metadata.Add(metadata);
            return Task.FromResult(response);
        }
        catch (BindingFailedException ex)
        {
            throw new RpcException(new Status(StatusCode.Internal, $"error invoking output binding {request.Name}: {ex.Message}"));
        }
    }

    public virtual Task<GetMetadataResponse> GetMetadata(GetMetadataRequest request, ServerCallContext context) =>
        Task.FromResult(new GetMetadataResponse { Id = sidecar.AppId, RuntimeVersion = "dapr-test-mesh" });

    private async Task SaveAsync(IMeshStateStore store, string storeName, StateItem item)
    {
        var etag = item.Etag?.Value;
        var firstWrite = item.Options?.Concurrency == StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite;
        int? ttl = null;
        if (item.Metadata.TryGetValue("ttlInSeconds", out var ttlText) && ttlText.Length > 0)
        {
            ttl = int.TryParse(ttlText, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
                ? seconds
                : throw new RpcException(new Status(StatusCode.Internal, $"failed saving state in state store {storeName}: failed to parse ttl from metadata"));
        }

        try
        {
            await store.SetAsync(Key(storeName, item.Key), item.Value.ToByteArray(), etag, firstWrite, ttl);
        }
        catch (StateConflictException ex)
        {
            var code = string.IsNullOrEmpty(etag) ? StatusCode.Internal : StatusCode.Aborted;
            throw new RpcException(new Status(code, $"failed saving state in state store {storeName}: {ex.Message}"));
        }
    }

    private string Key(string storeName, string key)
    {
        if (key.Contains(Separator, StringComparison.Ordinal))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"input key/keyPrefix '{key}' can't contain '{Separator}'"));
        }

        var prefix = mesh.StateStoreComponent(storeName).KeyPrefix;
        return prefix switch
        {
            StateStoreComponent.NoPrefix => key,
            StateStoreComponent.StoreNamePrefix => storeName + Separator + key,
            StateStoreComponent.AppIdPrefix => sidecar.AppId + Separator + key,
            _ => prefix + Separator + key,
        };
    }
}
