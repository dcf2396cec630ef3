using GonPortal.Domain.Arrangements;
using GonPortal.Domain.Validation;
using GonPortal.HostContracts;
using GonPortal.Server.Data;
using GonPortal.Server.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace GonPortal.Server.Arrangements;

/// <summary>Shared helpers of the client, referral and arrangement services.</summary>
internal static class AccessProcessSupport
{
    /// <summary>
    /// The current instant in whole milliseconds, so what a call returns equals what every database
    /// stores and returns later (SQLite keeps 0.1 ms, PostgreSQL 1 µs).
    /// </summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        return now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMillisecond));
    }

    public static Actor Actor(TenantContext tenant) => new(tenant.Subject, tenant.DisplayName, tenant.TenantId, tenant.Role switch
    {
        GonRoles.Hoofdaanbieder => ActorRole.Hoofdaanbieder,
        GonRoles.Onderaannemer => ActorRole.Onderaannemer,
        GonRoles.Gemeente => ActorRole.Gemeente,
        _ => ActorRole.Wij,
    });

    public static string RoleName(ActorRole role) => role switch
    {
        ActorRole.Hoofdaanbieder => GonRoles.Hoofdaanbieder,
        ActorRole.Onderaannemer => GonRoles.Onderaannemer,
        ActorRole.Gemeente => GonRoles.Gemeente,
        _ => GonRoles.Wij,
    };

    /// <summary>A proto enum value as the domain enum with the same number; null for 0 or unknown values.</summary>
    public static TDomain? ToDomain<TDomain>(Enum value) where TDomain : struct, Enum
    {
        var number = Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
        return number != 0 && Enum.IsDefined(typeof(TDomain), number) ? (TDomain)Enum.ToObject(typeof(TDomain), number) : null;
    }

    /// <summary>A domain enum as the proto enum with the same number (0 = unspecified for null).</summary>
    public static TProto ToProto<TProto>(Enum? value) where TProto : struct, Enum =>
        (TProto)Enum.ToObject(typeof(TProto), value is null ? 0 : Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture));

    public static Guid RequireId(string field, string raw)
    {
        var v = new Violations();
        var id = Grpc.ProtoConvert.ToId(v, field, raw);
        v.ThrowIfAny();
        return id!.Value;
    }
}
