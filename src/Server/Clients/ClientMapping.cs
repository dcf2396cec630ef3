using GonPortal.Domain.Clients;
using GonPortal.Domain.Referrals;
using GonPortal.Server.Arrangements;
using GonPortal.Server.Grpc;
using V1 = GonPortal.Contracts.V1;

namespace GonPortal.Server.Clients;

internal static class ClientMapping
{
    /// <summary>
    /// <paramref name="showBsn"/> is false for an onderaannemer: it never receives the BSN (see clients.proto).
    /// The BSN is decrypted only when it is returned.
    /// </summary>
    public static V1.Client ToProto(Client c, bool showBsn, PersonalDataProtector protector) => new()
    {
        Id = c.Id.ToString(),
        AreaId = c.AreaId,
        Bsn = showBsn ? protector.Unprotect(c.BsnCipher) : "",
        GivenNames = c.GivenNames ?? "",
        Initials = c.Initials ?? "",
        SurnamePrefix = c.SurnamePrefix ?? "",
        Surname = c.Surname,
        DisplayName = c.DisplayName,
        DateOfBirth = ProtoConvert.ToProto(c.DateOfBirth),
        Postcode = c.Postcode,
        ContactDetails = c.ContactDetails.IsEmpty ? null : ToProto(c.ContactDetails),
        CreatedAt = ProtoConvert.ToProto(c.CreatedAt),
        CreatedBy = c.CreatedBy,
        CreatedByOrganisationId = c.CreatedByOrganisationId.ToString(),
        UpdatedAt = ProtoConvert.ToProto(c.UpdatedAt),
        UpdatedBy = c.UpdatedBy ?? "",
    };

    public static V1.ContactDetails ToProto(ContactDetails d) => new()
    {
        PhoneNumber = d.PhoneNumber ?? "",
        Email = d.Email ?? "",
        Street = d.Street ?? "",
        HouseNumber = d.HouseNumber ?? "",
        HouseNumberAddition = d.HouseNumberAddition ?? "",
        City = d.City ?? "",
        ContactPersonName = d.ContactPersonName ?? "",
        ContactPersonPhoneNumber = d.ContactPersonPhoneNumber ?? "",
    };

    public static ContactDetails ToDomain(V1.ContactDetails? d) => d is null
        ? ContactDetails.Empty
        : new ContactDetails(d.PhoneNumber, d.Email, d.Street, d.HouseNumber, d.HouseNumberAddition, d.City, d.ContactPersonName, d.ContactPersonPhoneNumber);

    public static V1.Referral ToProto(Referral r, IReadOnlyDictionary<Guid, string> names, IReadOnlyList<Guid> arrangementIds)
    {
        var proto = new V1.Referral
        {
            Id = r.Id.ToString(),
            ClientId = r.ClientId.ToString(),
            AreaId = r.AreaId,
            HoofdaanbiederId = r.HoofdaanbiederId.ToString(),
            HoofdaanbiederName = names.GetValueOrDefault(r.HoofdaanbiederId, ""),
            WijTeam = r.WijTeam ?? "",
            SelfDirected = r.SelfDirected,
            Note = r.Note ?? "",
            State = AccessProcessSupport.ToProto<V1.ReferralState>(r.State),
            ReferredAt = ProtoConvert.ToProto(r.ReferredAt),
            ReferredBy = r.ReferredBy,
            AcceptedAt = ProtoConvert.ToProto(r.AcceptedAt),
            AcceptedBy = r.AcceptedBy ?? "",
            ClosedAt = ProtoConvert.ToProto(r.ClosedAt),
            ClosedBy = r.ClosedBy ?? "",
            CloseReason = r.CloseReason ?? "",
        };
        proto.Goals.AddRange(r.Goals.Select(g => new V1.SupportGoal { Id = g.Id.ToString(), Description = g.Description }));
        proto.IndicatedProducts.AddRange(r.IndicatedProducts.Select(ProtoConvert.ToProto));
        proto.ArrangementIds.AddRange(arrangementIds.Select(id => id.ToString()));
        return proto;
    }
}
