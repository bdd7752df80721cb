using Google.Protobuf;
using Grpc.Core;

namespace Rose.Testing.Dapr;

/// <summary>gRPC method descriptors built by hand: Dapr.Protos ships messages and a client, no server base class.</summary>
internal static class ProtoMethods
{
    public const string RuntimeService = "dapr.proto.runtime.v1.Dapr";

    public static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name)
        where TRequest : class, IMessage<TRequest>, new()
        where TResponse : class, IMessage<TResponse>, new() =>
        new(MethodType.Unary, RuntimeService, name, Marshaller<TRequest>(), Marshaller<TResponse>());

    private static Marshaller<T> Marshaller<T>() where T : class, IMessage<T>, new()
    {
        var parser = new MessageParser<T>(() => new T());
        return Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
    }
}
