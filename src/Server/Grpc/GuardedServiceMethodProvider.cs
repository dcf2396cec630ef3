using System.Reflection;
using GonPortal.Server.ErrorModel;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace GonPortal.Server.Grpc;

/// <summary>
/// Binds every gRPC service like Grpc.AspNetCore's own binder (the generated <c>BindService</c>, the handler
/// method's attributes as endpoint metadata, so <c>[Authorize]</c> works as before), but with request
/// marshallers whose deserializer refuses an unreadable body with our error model
/// (<see cref="MalformedMessages"/>) instead of letting InvalidProtocolBufferException escape as UNKNOWN.
/// Deserialization happens before any interceptor runs, so this is the one place that sees it for every RPC.
/// Registered in place of the default provider (<c>GrpcExtensions</c>).
/// </summary>
public sealed class GuardedServiceMethodProvider<TService>(ILogger<GuardedServiceMethodProvider<TService>> logger)
    : IServiceMethodProvider<TService> where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        var bind = BindMethod(typeof(TService));
        if (bind is null)
        {
            logger.LogDebug("No BindService method for {Service}", typeof(TService));
            return;
        }
        bind.Value.Method.Invoke(null, [new Binder(context, bind.Value.BaseType), null]);
    }

    private static (MethodInfo Method, Type BaseType)? BindMethod(Type service)
    {
        for (var type = service; type is not null; type = type.BaseType)
        {
            if (type.GetCustomAttribute<BindServiceMethodAttribute>() is { } attribute
                && attribute.BindType.GetMethod(attribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), type]) is { } method)
            {
                return (method, method.GetParameters()[1].ParameterType); // the generated base class the overrides override
            }
        }
        return null;
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, Type baseType) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata, _) = Handler<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Guarded(method, perMessage: false), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata, _) = Handler<ServerStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Guarded(method, perMessage: false), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata, perMessage) = Handler<ClientStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Guarded(method, perMessage), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata, perMessage) = Handler<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(method.Name,
                typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Guarded(method, perMessage), metadata, invoker);
        }

        /// <summary>The service's override of the generated method, and its metadata as Grpc.AspNetCore gathers it.</summary>
        private (TDelegate Invoker, List<object> Metadata, bool PerMessage) Handler<TDelegate>(string name, params Type[] parameters) where TDelegate : Delegate
        {
            var handler = Override(name, parameters) ?? throw new InvalidOperationException($"Could not find '{name}' on {typeof(TService)}.");
            var metadata = new List<object>();
            metadata.AddRange(typeof(TService).GetCustomAttributes(inherit: true)); // type first: lower priority
            metadata.AddRange(handler.GetCustomAttributes(inherit: true));
            metadata.Add(new HttpMethodMetadata(["POST"], acceptCorsPreflight: true));
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata, handler.IsDefined(typeof(JudgedPerMessageAttribute)));
        }

        private MethodInfo? Override(string name, Type[] parameters)
        {
            for (var type = typeof(TService); type is not null; type = type.BaseType)
            {
                var method = type.GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters);
                if (method is null)
                {
                    return null;
                }
                if (method.IsVirtual && method.GetBaseDefinition().DeclaringType == baseType)
                {
                    return method;
                }
            }
            return null;
        }

        private static Method<TRequest, TResponse> Guarded<TRequest, TResponse>(Method<TRequest, TResponse> method, bool perMessage)
            where TRequest : class where TResponse : class
        {
            var inner = method.RequestMarshaller;
            var descriptor = (Activator.CreateInstance<TRequest>() as IMessage)?.Descriptor;
            var name = descriptor?.FullName ?? typeof(TRequest).Name;
            TRequest Deserialize(DeserializationContext ctx)
            {
                try
                {
                    return inner.ContextualDeserializer(ctx);
                }
                catch (Exception e) when (MalformedMessages.IsUnreadable(e))
                {
                    string? field = null;
                    if (descriptor is not null)
                    {
                        try
                        {
                            field = MalformedMessageLocator.Locate(descriptor, ctx.PayloadAsReadOnlySequence());
                        }
                        catch (Exception)
                        {
                            // The payload is no longer readable: refuse without naming a field.
                        }
                    }
                    var violation = MalformedMessages.Violation(field, name);
                    if (perMessage)
                    {
                        return MalformedMessages.StandIn(Activator.CreateInstance<TRequest>(), violation);
                    }
                    throw MalformedMessages.Refusal(violation, name);
                }
            }
            var marshaller = Marshallers.Create(inner.ContextualSerializer, Deserialize);
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, marshaller, method.ResponseMarshaller);
        }
    }
}
