using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Providers;

/// <summary>
/// A care provider (zorgaanbieder) in the gemeente's register. Its id is also the tenant id of
/// its users and care systems. Not tenant-owned: the register is public to every caller.
/// </summary>
public sealed class Provider
{
    private Provider() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public ProviderKind Kind { get; private set; }
    public string KvkNumber { get; private set; } = "";
    public string? AgbCode { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Validates and registers a provider; throws <see cref="Common.DomainValidationException"/> listing every broken field.</summary>
    public static Provider Register(Guid id, string name, ProviderKind? kind, string kvk, string? agb, DateTimeOffset now)
    {
        var v = new Violations();
        Details(v, name, kvk, agb);
        v.Check(kind is null, "kind", "must be ORGANISATION_KIND_HOOFDAANBIEDER or ORGANISATION_KIND_ONDERAANNEMER");
        v.ThrowIfAny();
        return new Provider
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind!.Value,
            KvkNumber = kvk,
            AgbCode = string.IsNullOrEmpty(agb) ? null : agb,
            CreatedAt = now,
        };
    }

    /// <summary>
    /// Changes name, KvK number and AGB code under the same rules as <see cref="Register"/>; the kind is fixed (it is the
    /// role of every user). Throws <see cref="Common.DomainValidationException"/> and changes nothing on bad input.
    /// </summary>
    public void Update(string name, string kvk, string? agb)
    {
        var v = new Violations();
        Details(v, name, kvk, agb);
        v.ThrowIfAny();
        Name = name.Trim();
        KvkNumber = kvk;
        AgbCode = string.IsNullOrEmpty(agb) ? null : agb;
    }

    private static void Details(Violations v, string name, string kvk, string? agb)
    {
        Text.Required(v, "name", name, 2, 200);
        v.Check(!Providers.KvkNumber.IsValid(kvk), "kvk_number", "must be exactly 8 digits (KvK registration is required)");
        v.Check(!string.IsNullOrEmpty(agb) && !Providers.AgbCode.IsValid(agb), "agb_code", "must be empty or exactly 8 digits");
    }
}
