namespace GonPortal.Domain.Clients;

/// <summary>
/// A request to register a client, with the facts it is checked against gathered by the caller.
/// </summary>
/// <param name="OwnerId">The hoofdaanbieder responsible for the area: the client's tenant.</param>
/// <param name="CallerHoldsArea">False when a hoofdaanbieder registers in an area it does not hold (WIJ: always true).</param>
/// <param name="Today">The day of the call, for the date-of-birth check.</param>
public sealed record ClientRegistration(
    int AreaId,
    string? Bsn,
    string? GivenNames,
    string? Initials,
    string? SurnamePrefix,
    string? Surname,
    DateOnly? DateOfBirth,
    string? Postcode,
    ContactDetails? ContactDetails,
    Guid OwnerId,
    bool CallerHoldsArea,
    DateOnly Today);

/// <summary>The BSN as stored: encrypted, plus a keyed hash for look-ups. Produced by the server's protector.</summary>
public sealed record ProtectedBsn(byte[] Cipher, byte[] LookupHash);
