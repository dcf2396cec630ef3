namespace GonPortal.Domain.Referrals;

/// <summary>Lifecycle of a referral (clients.proto ReferralState).</summary>
public enum ReferralState
{
    /// <summary>Referred by WIJ; waiting for the hoofdaanbieder.</summary>
    Referred = 1,

    /// <summary>Accepted into support by the hoofdaanbieder.</summary>
    Accepted = 2,

    /// <summary>Returned to WIJ by the hoofdaanbieder with a reason (final).</summary>
    Returned = 3,

    /// <summary>Withdrawn by WIJ before acceptance (final).</summary>
    Withdrawn = 4,
}

/// <summary>A support goal (ondersteuningsdoel) agreed between WIJ and the resident.</summary>
public sealed record SupportGoal(Guid Id, string Description);
