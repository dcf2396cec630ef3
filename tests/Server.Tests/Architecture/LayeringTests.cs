using System.Reflection;
using GonPortal.Contracts.V1;
using GonPortal.Domain.Reference;
using GonPortal.Server.Grpc;

namespace GonPortal.Server.Tests.Architecture;

/// <summary>
/// The layering of issue 10, checked on the compiled assemblies rather than on source text, so a fully
/// qualified name or a generic argument cannot slip past: the wire contract (generated gon.v1 types)
/// is used by the Server only in its gRPC services and their mappings, and the domain stands on
/// nothing but .NET itself.
/// </summary>
public class LayeringTests
{
    private static readonly Assembly Contracts = typeof(ReferenceService).Assembly;
    private static readonly Assembly Server = typeof(CallInterceptor).Assembly;
    private static readonly Assembly Domain = typeof(Areas).Assembly;

    /// <summary>The edge of the Server where wire types may appear; everything below works in domain types.</summary>
    private static bool IsWireEdge(Type outermost) =>
        outermost.Name.EndsWith("GrpcService", StringComparison.Ordinal)
        || outermost.Name.EndsWith("Mapping", StringComparison.Ordinal)
        || outermost == typeof(ProtoConvert);

    [Fact]
    public void Server_code_below_the_grpc_services_and_mappings_does_not_use_contract_types()
    {
        var offenders = Server.GetTypes()
            .Where(t => !IsWireEdge(Outermost(t)))
            .SelectMany(t => ContractUses(t).Select(use => $"{t.FullName}: {use}"))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(offenders.Count == 0, "Contract types used below the gRPC layer:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void The_check_sees_contract_types_in_signatures_and_method_bodies()
    {
        // A guard for the guard: the wire edge itself must be seen using the contract, or the scan is blind.
        Assert.Contains(ContractUses(typeof(ProtoConvert)), use => use.StartsWith("signature", StringComparison.Ordinal));
        var service = Server.GetTypes().Single(t => t.Name == "ReferenceGrpcService");
        Assert.NotEmpty(ContractUses(service).Concat(service.GetNestedTypes(All).SelectMany(ContractUses)));
    }

    [Fact]
    public void The_domain_references_no_infrastructure()
    {
        string[] forbidden = ["Microsoft.EntityFrameworkCore", "Grpc.", "Google.Protobuf", "Microsoft.AspNetCore", "GonPortal.Contracts", "Hangfire"];
        var references = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var offenders = references.Where(r => forbidden.Any(f => r.StartsWith(f, StringComparison.Ordinal))).ToList();
        Assert.True(offenders.Count == 0, "The domain references " + string.Join(", ", offenders));
        Assert.Contains(references, r => r.StartsWith("System.", StringComparison.Ordinal));
    }

    private const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static Type Outermost(Type t)
    {
        while (t.DeclaringType is { } outer)
        {
            t = outer;
        }
        return t;
    }

    private static IEnumerable<string> ContractUses(Type type)
    {
        var signatureTypes = new List<Type?> { type.BaseType };
        signatureTypes.AddRange(type.GetInterfaces());
        signatureTypes.AddRange(type.GetFields(All).Select(f => f.FieldType));
        signatureTypes.AddRange(type.GetProperties(All).Select(p => p.PropertyType));
        var methods = type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)).ToList();
        foreach (var m in methods)
        {
            signatureTypes.AddRange(m.GetParameters().Select(p => p.ParameterType));
            if (m is MethodInfo mi)
            {
                signatureTypes.Add(mi.ReturnType);
            }
        }
        foreach (var t in signatureTypes.Where(IsContract))
        {
            yield return $"signature uses {t!.FullName}";
        }
        foreach (var m in methods)
        {
            foreach (var member in IlReader.ReferencedMembers(m))
            {
                var owner = member as Type ?? member.DeclaringType;
                var generic = member is MethodInfo { IsGenericMethod: true } g ? g.GetGenericArguments() : [];
                if (IsContract(owner) || generic.Any(IsContract) || member is FieldInfo f && IsContract(f.FieldType))
                {
                    yield return $"{m.Name} uses {owner?.FullName}.{(member is Type ? "" : member.Name)}";
                }
            }
        }
    }

    private static bool IsContract(Type? t)
    {
        if (t is null)
        {
            return false;
        }
        if (t.HasElementType)
        {
            return IsContract(t.GetElementType());
        }
        return t.Assembly == Contracts || (t.IsGenericType && t.GetGenericArguments().Any(IsContract));
    }
}
