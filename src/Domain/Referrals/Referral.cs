using GonPortal.Domain.Common;
using GonPortal.Domain.Reference;
using GonPortal.Domain.Validation;

namespace GonPortal.Domain.Referrals;

/// <summary>
/// Verwijzing: WIJ refers a registered client to the hoofdaanbieder of the client's area with the
/// support goals agreed with the resident. Owned by the referring WIJ organisation (the tenant);
/// the hoofdaanbieder it is addressed to is a party that may read it and accept or return it.
/// </summary>
public sealed class Referral : ITenantOwned
{
    public const int MaxGoals = 20;

    private Referral() { }

    public Guid Id { get; private set; }

    /// <summary>The referring WIJ organisation.</summary>
    public Guid TenantId { get; private set; }

    public Guid ClientId { get; private set; }
    public int AreaId { get; private set; }

    /// <summary>The hoofdaanbieder responsible for the area on the day of the referral; it decides.</summary>
    public Guid HoofdaanbiederId { get; private set; }

    public string? WijTeam { get; private set; }
    public List<SupportGoal> Goals { get; private set; } = [];
    public List<Product> IndicatedProducts { get; private set; } = [];
    public bool SelfDirected { get; private set; }
    public string? Note { get; private set; }
    public ReferralState State { get; private set; }
    public DateTimeOffset ReferredAt { get; private set; }
    public string ReferredBy { get; private set; } = "";
    public DateTimeOffset? AcceptedAt { get; private set; }
    public string? AcceptedBy { get; private set; }
    public DateTimeOffset? ClosedAt { get; private set; }
    public string? ClosedBy { get; private set; }
    public string? CloseReason { get; private set; }

    /// <summary>Validates and records a referral in <see cref="ReferralState.Referred"/>; throws naming every bad field.</summary>
    public static Referral Create(Guid id, Guid wijOrganisationId, Guid clientId, int areaId, Guid hoofdaanbiederId,
        string? wijTeam, IReadOnlyList<string> goals, IReadOnlyList<Product?> indicatedProducts, bool selfDirected, string? note,
        string by, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Optional(v, "wij_team", wijTeam, 100);
        if (goals.Count == 0)
        {
            v.Add("goals", "at least one goal agreed with the resident is required");
        }
        else if (goals.Count > MaxGoals)
        {
            v.Add("goals", $"at most {MaxGoals} goals");
        }
        for (var i = 0; i < goals.Count && i < MaxGoals; i++)
        {
            Text.Required(v, $"goals[{i}]", goals[i], 3, 1000);
        }
        for (var i = 0; i < indicatedProducts.Count; i++)
        {
            if (indicatedProducts[i] is null)
            {
                v.Add($"indicated_products[{i}]", "must be a product category");
            }
            else if (indicatedProducts.Take(i).Contains(indicatedProducts[i]))
            {
                v.Add($"indicated_products[{i}]", "is listed twice");
            }
        }
        Text.Optional(v, "note", note, 4000);
        v.ThrowIfAny();
        return new Referral
        {
            Id = id,
            TenantId = wijOrganisationId,
            ClientId = clientId,
            AreaId = areaId,
            HoofdaanbiederId = hoofdaanbiederId,
            WijTeam = Clean(wijTeam),
            Goals = goals.Select((g, i) => new SupportGoal(DeterministicGoalId(id, i), g.Trim())).ToList(),
            IndicatedProducts = indicatedProducts.Select(p => p!.Value).ToList(),
            SelfDirected = selfDirected,
            Note = Clean(note),
            State = ReferralState.Referred,
            ReferredAt = now,
            ReferredBy = by,
        };
    }

    /// <summary>The hoofdaanbieder accepts the referral into support. Accepting an accepted referral changes nothing (returns false).</summary>
    public bool Accept(string by, DateTimeOffset now)
    {
        if (State == ReferralState.Accepted)
        {
            return false;
        }
        RequireState(ReferralState.Referred, "accept");
        State = ReferralState.Accepted;
        AcceptedAt = now;
        AcceptedBy = by;
        return true;
    }

    /// <summary>The hoofdaanbieder returns the referral to WIJ with a reason.</summary>
    public void Return(string by, string? reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        RequireState(ReferralState.Referred, "return");
        Close(ReferralState.Returned, by, reason!, now);
    }

    /// <summary>WIJ withdraws a referral that was not accepted yet.</summary>
    public void Withdraw(string by, string? reason, DateTimeOffset now)
    {
        var v = new Violations();
        Text.Required(v, "reason", reason, 3, 1000);
        v.ThrowIfAny();
        RequireState(ReferralState.Referred, "withdraw");
        Close(ReferralState.Withdrawn, by, reason!, now);
    }

    private void Close(ReferralState state, string by, string reason, DateTimeOffset now)
    {
        State = state;
        ClosedAt = now;
        ClosedBy = by;
        CloseReason = reason.Trim();
    }

    private void RequireState(ReferralState required, string action)
    {
        if (State != required)
        {
            throw new InvalidStateException(
                $"Cannot {action} referral {Id}: it is REFERRAL_STATE_{Upper(State)}; this needs REFERRAL_STATE_{Upper(required)}.",
                required == ReferralState.Referred ? ErrorReasons.ReferralNotOpen : ErrorReasons.WrongState,
                new Dictionary<string, string> { ["state"] = $"REFERRAL_STATE_{Upper(State)}", ["action"] = action });
        }
    }

    private static string Upper(ReferralState s) => s.ToString().ToUpperInvariant();

    private static Guid DeterministicGoalId(Guid referralId, int index)
    {
        var bytes = referralId.ToByteArray();
        bytes[15] ^= (byte)(index + 1);
        bytes[14] ^= 0x5A;
        return new Guid(bytes);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
